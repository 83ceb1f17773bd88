using System.Net;
using System.Net.Http.Headers;
using Conversations.Api.Tests.Auth;
using Conversations.Auth;

namespace Conversations.Api.Tests.Telemetry;

/// <summary>The Orleans Dashboard shows every tenant's grains: served only where enabled, and only to an administrator.</summary>
public sealed class DashboardTests : IDisposable
{
    private readonly ConfiguredApiFactory _api = new(new Dictionary<string, string> { ["Conversations:Dashboard:Enabled"] = "true" });

    [Fact]
    public async Task The_dashboard_answers_an_administrator_with_its_page_and_refuses_anyone_else()
    {
        using var http = _api.CreateClient();

        using var anonymous = await http.GetAsync("/dashboard/");
        using var reader = await Get(http, ApiFactory.Token([Scopes.Read, Scopes.Send], [CallerClaims.Any]));
        using var admin = await Get(http, _api.AdminToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("Orleans", await admin.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_the_setting_a_test_host_serves_no_dashboard()
    {
        using var off = new ConfiguredApiFactory(new Dictionary<string, string>());
        using var http = off.CreateClient();

        using var response = await Get(http, off.AdminToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> Get(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    public void Dispose() => _api.Dispose();
}
