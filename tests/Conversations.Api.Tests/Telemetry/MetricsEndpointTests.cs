using System.Net;
using System.Net.Http.Headers;
using Conversations.Api.Tests.Auth;
using Conversations.Auth;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Conversations.Api.Tests.Telemetry;

/// <summary>/metrics names portfolios: where callers authenticate, only an administrator reads it.</summary>
[Collection(ApiCollection.Name)]
public sealed class MetricsEndpointTests(ApiFactory api)
{
    [Fact]
    public async Task Metrics_refuse_an_anonymous_caller_with_401()
    {
        using var response = await Get(token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_refuse_a_caller_without_the_admin_scope_with_403()
    {
        using var response = await Get(ApiFactory.Token([Scopes.Read, Scopes.Send], [CallerClaims.Any]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_answer_an_administrator_in_the_Prometheus_text_format()
    {
        using var response = await Get(api.AdminToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Without_an_OTLP_endpoint_no_span_is_recorded()
    {
        Assert.Null(api.Services.GetService<TracerProvider>());
        Assert.NotNull(api.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task Metrics_off_serve_no_endpoint_and_listen_to_nothing()
    {
        using var off = new ConfiguredApiFactory(new Dictionary<string, string> { ["Conversations:Telemetry:Metrics"] = "false" });

        using var response = await Get(off, off.AdminToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(off.Services.GetService<MeterProvider>());
        Assert.Null(off.Services.GetService<TracerProvider>());
    }

    private Task<HttpResponseMessage> Get(string? token) => Get(api, token);

    private static async Task<HttpResponseMessage> Get(ApiFactory host, string? token)
    {
        using var http = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }
}
