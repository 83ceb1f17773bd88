using System.Net;

namespace Conversations.Api.Tests;

/// <summary>Probes carry no token: liveness, readiness and the older /healthz answer anyone, even where calls need one.</summary>
[Collection(ApiCollection.Name)]
public sealed class HealthEndpointTests(ApiFactory api)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/healthz")]
    public async Task Health_answers_an_anonymous_probe_Healthy_when_the_cluster_answers(string path)
    {
        using var http = api.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
