using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conversations.LoadTest.Relay;

/// <summary>
/// The load tester's --serve-relay mode: a bare gRPC server (Kestrel, HTTP/2 without TLS, on loopback) whose Send posts
/// to Meta over HTTP and answers. Run as its own process so the load tester can read its CPU through its pid.
/// </summary>
public static class RelayServer
{
    public static async Task<int> RunAsync(int port, Uri meta, CancellationToken cancellationToken)
    {
        // Started in the background of a script, it must stop on `kill <pid>` (SIGTERM) as well as on Ctrl+C.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        await using var app = await StartAsync(port, meta, stopping.Token);
        Console.WriteLine($"Relay floor listening on http://localhost:{port} (pid {Environment.ProcessId}): Send is posted to {new Uri(meta, MetaRelayClient.ApiVersion + "/")}{{phone-number-id}}/messages. Ctrl+C or kill stops it.");
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None);
        return 0;

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stopping.Cancel();
        }
    }

    /// <summary>The relay, listening once this returns; disposing it stops it.</summary>
    public static async Task<WebApplication> StartAsync(int port, Uri meta, CancellationToken cancellationToken)
    {
        // An empty builder: no appsettings, no environment-bound URLs, nothing but what the floor needs.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.ListenLocalhost(port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new MetaRelayClient(meta));
        var app = builder.Build();
        app.MapGrpcService<RelayConversationsService>();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }
}
