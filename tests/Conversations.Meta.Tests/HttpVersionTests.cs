using Conversations.Abstractions.Messages;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Conversations.Meta.Tests;

/// <summary>Conversations:Meta:HttpVersion: which protocol reaches the Graph API, and which settings fail at start.</summary>
public sealed class HttpVersionTests
{
    [Theory]
    [InlineData(null, true, HttpProtocols.Http1AndHttp2, "HTTP/1.1")]
    [InlineData("1.1", true, HttpProtocols.Http1AndHttp2, "HTTP/1.1")]
    [InlineData("2", true, HttpProtocols.Http1AndHttp2, "HTTP/2")]
    [InlineData("2", false, HttpProtocols.Http1AndHttp2, "HTTP/1.1")]
    [InlineData("h2c", false, HttpProtocols.Http2, "HTTP/2")]
    public async Task Sends_use_the_configured_protocol(string? httpVersion, bool tls, HttpProtocols served, string expected)
    {
        await using var graph = await GraphStub.Start(served, tls);
        var settings = new Dictionary<string, string?>();
        if (httpVersion is not null)
        {
            settings["Conversations:Meta:HttpVersion"] = httpVersion;
        }

        await using var loop = await MetaLoop.Start(settings, graphBaseUrl: graph.Url, http: graph.TrustItsCertificate);

        var result = await loop.Send(new TextMessage("Hi"));

        Assert.True(result.Accepted, $"{result.Error}");
        Assert.Equal(expected, Assert.Single(graph.Protocols));
    }

    [Fact]
    public async Task Version_2_falls_back_to_HTTP_1_1_where_TLS_does_not_offer_HTTP_2()
    {
        await using var graph = await GraphStub.Start(HttpProtocols.Http1, tls: true);
        await using var loop = await MetaLoop.Start(
            new Dictionary<string, string?> { ["Conversations:Meta:HttpVersion"] = "2" },
            graphBaseUrl: graph.Url,
            http: graph.TrustItsCertificate);

        var result = await loop.Send(new TextMessage("Hi"));

        Assert.True(result.Accepted, $"{result.Error}");
        Assert.Equal("HTTP/1.1", Assert.Single(graph.Protocols));
    }

    [Fact]
    public async Task H2c_never_falls_back_to_HTTP_1_1_so_a_server_without_it_fails_loudly()
    {
        // Kestrel serves HTTP/2 without TLS only on an endpoint that speaks nothing else; this one also speaks 1.1.
        await using var graph = await GraphStub.Start(HttpProtocols.Http1AndHttp2, tls: false);
        await using var loop = await MetaLoop.Start(
            new Dictionary<string, string?> { ["Conversations:Meta:HttpVersion"] = "h2c" },
            graphBaseUrl: graph.Url);

        var result = await loop.Send(new TextMessage("Hi"));

        Assert.False(result.Accepted);
        Assert.Empty(graph.Protocols);
    }

    [Theory]
    [InlineData("1.1", "https://graph.facebook.com")]
    [InlineData("2", "https://graph.facebook.com")]
    [InlineData("2", "http://127.0.0.1:5081")]
    [InlineData("h2c", "http://127.0.0.1:5081")]
    public void Supported_versions_pass_validation(string httpVersion, string graphBaseUrl)
    {
        var result = Validate(httpVersion, graphBaseUrl);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("2.0")]
    [InlineData("HTTP/2")]
    [InlineData("")]
    public void An_unknown_version_fails_at_start_naming_the_key_and_the_values(string httpVersion)
    {
        var result = Validate(httpVersion, "https://graph.facebook.com");

        var failure = Assert.Single(result.Failures ?? []);
        Assert.Equal(
            $"Conversations:Meta:HttpVersion must be 1.1, 2 (HTTP/2 over TLS, falling back to 1.1) or h2c (HTTP/2 without TLS, to a plain-http simulator); '{httpVersion}' is none of them.",
            failure);
    }

    [Fact]
    public void H2c_toward_an_https_graph_fails_at_start_and_says_to_use_2()
    {
        var result = Validate("h2c", "https://graph.facebook.com");

        var failure = Assert.Single(result.Failures ?? []);
        Assert.Equal(
            "Conversations:Meta:HttpVersion h2c is HTTP/2 without TLS, but GraphBaseUrl https://graph.facebook.com is https: use 2 there, which TLS negotiates.",
            failure);
    }

    [Fact]
    public async Task A_bad_version_stops_the_client_before_its_first_send()
    {
        await using var loop = await MetaLoop.Start(new Dictionary<string, string?> { ["Conversations:Meta:HttpVersion"] = "2.0" });

        var error = Assert.Throws<OptionsValidationException>(() => loop.Sender);

        Assert.Contains("Conversations:Meta:HttpVersion must be", error.Message, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(string httpVersion, string graphBaseUrl) =>
        new MetaOptionsValidator().Validate(null, new MetaOptions
        {
            AccessToken = "EAAG-test",
            GraphBaseUrl = graphBaseUrl,
            HttpVersion = httpVersion,
        });
}
