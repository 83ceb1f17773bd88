using System.CommandLine;
using Conversations.Auth;
using Conversations.Cli.Output;
using Grpc.Core;
using Grpc.Net.Client;

namespace Conversations.Cli;

/// <summary>Runs a command's call against the --address server, with the --token, and turns a failed call into output and an exit code.</summary>
/// <param name="handler">Null in the shipped CLI; tests pass an in-memory test server's handler, which has no port to dial.</param>
public sealed class ServerConnection(Option<Uri> addressOption, Option<string?> tokenOption, HttpMessageHandler? handler = null)
{
    // Long enough for a cold silo to activate a grain, short enough that a hung server does not hang a script.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public Option<Uri> AddressOption => addressOption;

    public Option<string?> TokenOption => tokenOption;

    public async Task<int> RunAsync(ParseResult parse, Func<ServerCall, Task> call, CancellationToken cancellationToken)
    {
        var address = parse.GetRequiredValue(addressOption);
        var output = parse.InvocationConfiguration.Output;
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler }.WithBearer(address, parse.GetValue(tokenOption)));
        var options = new CallOptions(deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
        try
        {
            await call(new ServerCall(channel, options, output));
            return ExitCodes.Success;
        }
        catch (RpcException failure)
        {
            return RefusalPrinter.Print(failure, address, CallTimeout, parse.InvocationConfiguration.Error);
        }
    }
}
