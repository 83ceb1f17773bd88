using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Conversations.Auth;
using Conversations.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests;

/// <summary>
/// The api with an HTTPS gRPC endpoint that asks for client certificates and no bearer-token settings: callers are the
/// certificates listed in Conversations:Auth:ClientCertificates, each with its scopes and WABAs, over real TLS.
/// </summary>
public sealed class MutualTlsApi : LoopbackApi
{
    private const string Password = "mtls-test";

    private readonly string _directory = Directory.CreateTempSubdirectory("conversations-mtls-").FullName;

    public MutualTlsApi()
    {
        Port = FreePort.Next(GrpcAddress.Port, WebhookUrl.Port, SimulatorAddress.Port);
        using var server = Create("localhost", "1.3.6.1.5.5.7.3.1", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        ServerCertificatePath = Path.Combine(_directory, "server.pfx");
        File.WriteAllBytes(ServerCertificatePath, server.Export(X509ContentType.Pfx, Password));
        ServerThumbprint = server.GetCertHashString(HashAlgorithmName.SHA256);
        Admin = Create("admin", ClientAuth, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        TenantA = Create("tenant-a", ClientAuth, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Unlisted = Create("stranger", ClientAuth, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Expired = Create("expired", ClientAuth, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-1));
        ServerUseOnly = Create("server-use", "1.3.6.1.5.5.7.3.1", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    public string WabaA { get; } = TestNumbers.WabaId();

    public int Port { get; }

    public string ServerCertificatePath { get; }

    public string ServerThumbprint { get; }

    public X509Certificate2 Admin { get; }

    public X509Certificate2 TenantA { get; }

    public X509Certificate2 Unlisted { get; }

    public X509Certificate2 Expired { get; }

    public X509Certificate2 ServerUseOnly { get; }

    public Uri TlsAddress => new($"https://localhost:{Port.ToString(CultureInfo.InvariantCulture)}");

    protected override IReadOnlyDictionary<string, string> MoreSettings => new Dictionary<string, string>
    {
        ["Kestrel:Endpoints:Grpcs:Url"] = $"https://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}",
        ["Kestrel:Endpoints:Grpcs:Protocols"] = "Http2",
        ["Kestrel:Endpoints:Grpcs:Certificate:Path"] = ServerCertificatePath,
        ["Kestrel:Endpoints:Grpcs:Certificate:Password"] = Password,
        ["Kestrel:Endpoints:Grpcs:ClientCertificateMode"] = "AllowCertificate",
        ["Conversations:Auth:ClientCertificates:Callers:0:Thumbprint"] = Admin.GetCertHashString(HashAlgorithmName.SHA256),
        ["Conversations:Auth:ClientCertificates:Callers:0:Name"] = "admin",
        ["Conversations:Auth:ClientCertificates:Callers:0:Scopes"] = string.Join(' ', Scopes.All),
        ["Conversations:Auth:ClientCertificates:Callers:0:WabaIds"] = CallerClaims.Any,
        // Colons and lower case, as a thumbprint is often copied.
        ["Conversations:Auth:ClientCertificates:Callers:1:Thumbprint"] = Colons(TenantA.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant()),
        ["Conversations:Auth:ClientCertificates:Callers:1:Name"] = "tenant-a",
        ["Conversations:Auth:ClientCertificates:Callers:1:Scopes"] = $"{Scopes.Read} {Scopes.Send}",
        ["Conversations:Auth:ClientCertificates:Callers:1:WabaIds"] = WabaA,
        ["Conversations:Auth:ClientCertificates:Callers:2:Thumbprint"] = Expired.GetCertHashString(HashAlgorithmName.SHA256),
        ["Conversations:Auth:ClientCertificates:Callers:2:Name"] = "expired",
        ["Conversations:Auth:ClientCertificates:Callers:2:Scopes"] = Scopes.Read,
        ["Conversations:Auth:ClientCertificates:Callers:2:WabaIds"] = WabaA,
        ["Conversations:Auth:ClientCertificates:Callers:3:Thumbprint"] = ServerUseOnly.GetCertHashString(HashAlgorithmName.SHA256),
        ["Conversations:Auth:ClientCertificates:Callers:3:Name"] = "server-use",
        ["Conversations:Auth:ClientCertificates:Callers:3:Scopes"] = Scopes.Read,
        ["Conversations:Auth:ClientCertificates:Callers:3:WabaIds"] = WabaA,
    };

    public GrpcChannel TlsChannel(X509Certificate2? client) => TlsChannels.To(TlsAddress, ServerThumbprint, client);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var certificate in new[] { Admin, TenantA, Unlisted, Expired, ServerUseOnly })
        {
            certificate.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static string Colons(string hex) => string.Join(':', Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(2 * i, 2)));

    private static X509Certificate2 Create(string name, string usage, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], critical: false));
        if (name == "localhost")
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        using var created = request.CreateSelfSigned(notBefore, notAfter);
        // Through PFX so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx, Password), Password, X509KeyStorageFlags.Exportable);
    }
}

/// <summary>Mutual TLS: a listed client certificate is a caller with its own scopes and WABAs; anything else is refused with a reason.</summary>
public sealed class MutualTlsTests(MutualTlsApi api) : IClassFixture<MutualTlsApi>
{
    [Fact]
    public async Task A_listed_client_certificate_acts_for_its_WABA_with_its_scopes()
    {
        // Arrange
        using var admin = api.TlsChannel(api.Admin);
        var number = await Register(admin, api.WabaA);
        using var tenant = api.TlsChannel(api.TenantA);
        var conversations = new V1.ConversationsService.ConversationsServiceClient(tenant);

        // Act
        var inbound = await conversations.RecordInboundAsync(Inbound(number));
        var evaluation = await conversations.EvaluateAsync(new V1.EvaluateRequest
        {
            BusinessNumberId = number,
            Customer = inbound.Conversation.Customer,
            Text = new V1.TextContent { Body = "over mTLS" },
        });

        // Assert
        Assert.True(inbound.Conversation.WindowOpen);
        Assert.True(evaluation.Allowed);
        Assert.Equal(V1.MessageKind.FreeForm, evaluation.Kind);
    }

    [Fact]
    public async Task A_listed_certificate_is_refused_another_WABAs_number_and_a_scope_it_was_not_given()
    {
        // Arrange
        using var admin = api.TlsChannel(api.Admin);
        var other = await Register(admin, TestNumbers.WabaId());
        var own = await Register(admin, api.WabaA);
        using var tenant = api.TlsChannel(api.TenantA);

        // Act
        var wrongTenant = Refused.With(StatusCode.PermissionDenied, "WABA_NOT_ALLOWED", () =>
            new V1.ConversationsService.ConversationsServiceClient(tenant).RecordInboundAsync(Inbound(other)).ResponseAsync);
        var missingScope = await Refused.With(StatusCode.PermissionDenied, "SCOPE_MISSING", () =>
            new V1.BusinessNumbersService.BusinessNumbersServiceClient(tenant).ReleaseBusinessNumberAsync(new V1.ReleaseBusinessNumberRequest { BusinessNumberId = own }).ResponseAsync);

        // Assert
        await wrongTenant;
        Assert.Equal(Scopes.Admin, missingScope.Metadata["scope"]);
    }

    [Fact]
    public async Task An_unlisted_certificate_is_refused_CERTIFICATE_INVALID()
    {
        using var stranger = api.TlsChannel(api.Unlisted);

        await Refused.With(StatusCode.Unauthenticated, "CERTIFICATE_INVALID", () =>
            new V1.BusinessNumbersService.BusinessNumbersServiceClient(stranger).GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = TestNumbers.BusinessNumberId() }).ResponseAsync);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("server-use")]
    public async Task A_listed_certificate_that_is_expired_or_not_for_client_authentication_is_refused_CERTIFICATE_INVALID(string which)
    {
        using var channel = api.TlsChannel(which == "expired" ? api.Expired : api.ServerUseOnly);

        await Refused.With(StatusCode.Unauthenticated, "CERTIFICATE_INVALID", () =>
            new V1.BusinessNumbersService.BusinessNumbersServiceClient(channel).GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = TestNumbers.BusinessNumberId() }).ResponseAsync);
    }

    [Fact]
    public async Task Without_a_certificate_or_a_token_a_call_is_refused_TOKEN_MISSING_on_either_endpoint()
    {
        using var tls = api.TlsChannel(client: null);
        var request = new V1.GetBusinessNumberRequest { BusinessNumberId = TestNumbers.BusinessNumberId() };

        await Refused.With(StatusCode.Unauthenticated, "TOKEN_MISSING", () =>
            new V1.BusinessNumbersService.BusinessNumbersServiceClient(tls).GetBusinessNumberAsync(request).ResponseAsync);
        await Refused.With(StatusCode.Unauthenticated, "TOKEN_MISSING", () =>
            api.BusinessNumbers.GetBusinessNumberAsync(request).ResponseAsync);
    }

    private static async Task<string> Register(GrpcChannel admin, string wabaId)
    {
        var number = TestNumbers.BusinessNumberId();
        await new V1.BusinessNumbersService.BusinessNumbersServiceClient(admin).RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest { BusinessNumberId = number, WabaId = wabaId });
        return number;
    }

    private static V1.RecordInboundRequest Inbound(string number) => new()
    {
        BusinessNumberId = number,
        Customer = TestNumbers.Customer(),
        MessageId = "wamid." + Guid.NewGuid().ToString("N"),
        SentAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        Type = "text",
        Text = "hello",
    };
}

/// <summary>Channels to an HTTPS endpoint whose self-signed server certificate a test made and pins.</summary>
public static class TlsChannels
{
    /// <summary>Trusts only the server certificate with <paramref name="serverThumbprint"/> (SHA-256) and presents <paramref name="client"/>.</summary>
    public static GrpcChannel To(Uri address, string serverThumbprint, X509Certificate2? client)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && new X509Certificate2(certificate).GetCertHashString(HashAlgorithmName.SHA256) == serverThumbprint,
                LocalCertificateSelectionCallback = client is null ? null : (_, _, _, _, _) => client,
            },
        };
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}
