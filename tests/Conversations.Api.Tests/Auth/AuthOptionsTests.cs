using Conversations.Api.Auth;
using Conversations.Api.Tests.Startup;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Tests.Auth;

/// <summary>"Conversations:Auth" at start-up: development mode only where nobody else can call, and a broken setting named.</summary>
public sealed class AuthOptionsTests
{
    private const string Key = "a-development-key-of-32-bytes-or-more";

    private static readonly Dictionary<string, string?> Loopback = new()
    {
        ["Kestrel:Endpoints:Grpc:Url"] = "http://localhost:5000",
        ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:5080",
    };

    private static AuthOptions Resolve(Dictionary<string, string?> settings) =>
        ConfiguredOptions.Resolve<AuthOptions>(settings, services => services.AddCallerAuthentication());

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, params (string Key, string? Value)[] more)
    {
        var combined = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in more)
        {
            combined[key] = value;
        }

        return combined;
    }

    [Fact]
    public void Without_auth_on_loopback_and_without_Redis_the_api_runs_in_development_mode()
    {
        // Act
        var options = Resolve(Loopback);

        // Assert
        Assert.False(options.IsConfigured);
    }

    [Theory]
    [InlineData("Kestrel:Endpoints:Grpc:Url", "http://0.0.0.0:5000")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://*:5080")]
    [InlineData("Kestrel:Endpoints:Grpc:Url", "http://[::]:5000")]
    [InlineData("Kestrel:Endpoints:Grpc:Url", "http://api.internal:5000")]
    public void Without_auth_an_endpoint_beyond_loopback_stops_the_start_naming_the_settings(string endpoint, string url)
    {
        // Act
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(With(Loopback, (endpoint, url))));

        // Assert
        Assert.Contains("Conversations:Auth:SigningKey or Conversations:Auth:Jwks (or Conversations:Auth:ClientCertificates) is required", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{endpoint}={url}", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urls", "http://+:8080")]
    [InlineData("http_ports", "8080")]
    public void Without_Kestrel_endpoints_the_urls_and_ports_settings_decide(string setting, string value)
    {
        // Act
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [setting] = value }));

        // Assert
        Assert.Contains($"{setting}={value}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_auth_a_Redis_connection_string_stops_the_start_naming_the_settings()
    {
        // Act
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(With(Loopback, ("ConnectionStrings:Redis", "localhost:6379"))));

        // Assert
        Assert.Contains("Conversations:Auth:SigningKey or Conversations:Auth:Jwks (or Conversations:Auth:ClientCertificates) is required", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Redis", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signing_key_issuer_and_audience_authenticate_anywhere_with_Redis()
    {
        // Act
        var options = Resolve(With(
            Loopback,
            ("Kestrel:Endpoints:Grpc:Url", "http://0.0.0.0:5000"),
            ("ConnectionStrings:Redis", "localhost:6379"),
            ("Conversations:Auth:SigningKey", Key),
            ("Conversations:Auth:Issuer", "https://issuer.example"),
            ("Conversations:Auth:Audience", "conversations")));

        // Assert
        Assert.True(options.IsConfigured);
    }

    [Theory]
    [InlineData("Conversations:Auth:Issuer", "", "Conversations:Auth:Issuer is required")]
    [InlineData("Conversations:Auth:Audience", "", "Conversations:Auth:Audience is required")]
    [InlineData("Conversations:Auth:SigningKey", "too-short", "Conversations:Auth:SigningKey must be at least 32 bytes")]
    [InlineData("Conversations:Auth:Jwks", "https://issuer.example/jwks.json", "Exactly one of Conversations:Auth:SigningKey and Conversations:Auth:Jwks")]
    public void A_half_configured_auth_stops_the_start_naming_the_setting(string setting, string value, string message)
    {
        // Arrange
        var settings = With(
            Loopback,
            ("Conversations:Auth:SigningKey", Key),
            ("Conversations:Auth:Issuer", "https://issuer.example"),
            ("Conversations:Auth:Audience", "conversations"),
            (setting, value));

        // Act
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        // Assert
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://issuer.example/jwks.json", "must be an https:// URL or a file path")]
    [InlineData("/nonexistent/jwks.json", "no JWKS file at '/nonexistent/jwks.json'")]
    public void A_JWKS_over_plain_http_or_from_a_missing_file_stops_the_start(string jwks, string message)
    {
        // Arrange
        var settings = With(
            Loopback,
            ("Conversations:Auth:Jwks", jwks),
            ("Conversations:Auth:Issuer", "https://issuer.example"),
            ("Conversations:Auth:Audience", "conversations"));

        // Act
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        // Assert
        Assert.Contains($"Conversations:Auth:Jwks", failure.Message, StringComparison.Ordinal);
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, string?> CertificateCaller = With(
        Loopback,
        ("Kestrel:Endpoints:Grpcs:Url", "https://0.0.0.0:5001"),
        ("Kestrel:Endpoints:Grpcs:ClientCertificateMode", "RequireCertificate"),
        ("ConnectionStrings:Redis", "localhost:6379"),
        ("Conversations:Auth:ClientCertificates:Callers:0:Thumbprint", new string('A', 64)),
        ("Conversations:Auth:ClientCertificates:Callers:0:Name", "bot"),
        ("Conversations:Auth:ClientCertificates:Callers:0:Scopes", "conversations.read conversations.send"),
        ("Conversations:Auth:ClientCertificates:Callers:0:WabaIds", "102290129340398"));

    [Fact]
    public void Client_certificate_callers_alone_authenticate_anywhere_with_Redis()
    {
        // Act
        var options = Resolve(CertificateCaller);

        // Assert
        Assert.True(options.IsConfigured);
        Assert.False(options.HasBearer);
    }

    [Theory]
    [InlineData("Conversations:Auth:ClientCertificates:Callers:0:Thumbprint", "ABC123", "Callers:0:Thumbprint must be the certificate's SHA-256 thumbprint")]
    [InlineData("Conversations:Auth:ClientCertificates:Callers:0:Thumbprint", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", "Callers:0:Thumbprint must be the certificate's SHA-256 thumbprint")]
    [InlineData("Conversations:Auth:ClientCertificates:Callers:0:Name", "", "Callers:0:Name is required")]
    [InlineData("Conversations:Auth:ClientCertificates:Callers:0:Scopes", "conversations.read everything", "Callers:0:Scopes must list one or more of")]
    [InlineData("Conversations:Auth:ClientCertificates:Callers:0:Scopes", "", "Callers:0:Scopes must list one or more of")]
    [InlineData("Conversations:Auth:ClientCertificates:Callers:0:WabaIds", "", "Callers:0: WabaIds or PortfolioIds is required")]
    [InlineData("Conversations:Auth:ClientCertificates:Authorities", "/nonexistent/ca.pem", "Authorities: no PEM file at '/nonexistent/ca.pem'")]
    [InlineData("Kestrel:Endpoints:Grpcs:ClientCertificateMode", "NoCertificate", "no Kestrel endpoint asks for client certificates")]
    [InlineData("Kestrel:Endpoints:Grpcs:Url", "http://0.0.0.0:5001", "no Kestrel endpoint asks for client certificates")]
    public void A_broken_client_certificate_setting_stops_the_start_naming_it(string setting, string value, string message)
    {
        // Act
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(With(CertificateCaller, (setting, value))));

        // Assert
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_certificate_listed_twice_stops_the_start()
    {
        // Arrange
        var settings = With(
            CertificateCaller,
            ("Conversations:Auth:ClientCertificates:Callers:1:Thumbprint", new string('a', 64)),
            ("Conversations:Auth:ClientCertificates:Callers:1:Name", "bot-again"),
            ("Conversations:Auth:ClientCertificates:Callers:1:Scopes", "conversations.read"),
            ("Conversations:Auth:ClientCertificates:Callers:1:WabaIds", "102290129340398"));

        // Act
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        // Assert
        Assert.Contains($"lists the thumbprint {new string('A', 64)} more than once", failure.Message, StringComparison.Ordinal);
    }
}
