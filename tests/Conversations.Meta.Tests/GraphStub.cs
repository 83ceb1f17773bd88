using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Meta.Tests;

/// <summary>
/// A loopback Graph API that accepts every send and records the HTTP protocol each arrived over: plain http or TLS
/// (a self-signed certificate only <see cref="TrustItsCertificate"/> accepts), HTTP/1.1, HTTP/2 or both.
/// </summary>
public sealed class GraphStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2? _certificate;
    private readonly ConcurrentQueue<string> _protocols = new();

    private GraphStub(WebApplication app, X509Certificate2? certificate)
    {
        _app = app;
        _certificate = certificate;
    }

    public string Url => _app.Urls.First();

    /// <summary>The protocol of each send received ("HTTP/1.1", "HTTP/2"), in arrival order.</summary>
    public IReadOnlyList<string> Protocols => [.. _protocols];

    public static async Task<GraphStub> Start(HttpProtocols protocols, bool tls)
    {
        var certificate = tls ? SelfSigned() : null;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = protocols;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var stub = new GraphStub(app, certificate);
        app.MapPost("/{version}/{phoneNumberId}/messages", (RequestDelegate)stub.Accept);
        await app.StartAsync();
        return stub;
    }

    /// <summary>Makes the client's handler accept this stub's certificate, and no other.</summary>
    public void TrustItsCertificate(IHttpClientBuilder http) =>
        http.ConfigurePrimaryHttpMessageHandler((handler, _) =>
            ((SocketsHttpHandler)handler).SslOptions.RemoteCertificateValidationCallback =
                (_, presented, _, _) => presented is not null && _certificate is not null && presented.GetCertHashString() == _certificate.GetCertHashString());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate?.Dispose();
    }

    private async Task Accept(HttpContext context)
    {
        _protocols.Enqueue(context.Request.Protocol);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"messaging_product":"whatsapp","contacts":[{"input":"16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.STUB"}]}""");
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12 so that the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }
}
