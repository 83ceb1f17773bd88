using Conversations.Api.Errors;
using Conversations.Api.Tests.Auth;
using Conversations.Testing;
using Grpc.Core;

namespace Conversations.Api.Tests.Logging;

/// <summary>The api as configured by appsettings.json: refused calls write no Information line until the summary.</summary>
public sealed class RefusalLoggingApiTests : IDisposable
{
    private readonly ConfiguredApiFactory _api = new(new Dictionary<string, string>());

    [Fact]
    public async Task Refused_sends_log_nothing_at_Information_until_the_summary_counts_them()
    {
        var scenario = new Scenario(_api);
        var number = await scenario.RegisterNumber();
        for (var i = 0; i < 5; i++)
        {
            await Refused.With(
                StatusCode.FailedPrecondition,
                "WINDOW_CLOSED",
                () => _api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, TestNumbers.Customer(), "Hello")).ResponseAsync);
        }

        var beforeTheSummary = _api.Logs.Lines.Where(l => !l.StartsWith("Debug", StringComparison.Ordinal) && (l.Contains("WINDOW_CLOSED", StringComparison.Ordinal) || l.Contains("FailedPrecondition", StringComparison.Ordinal))).ToList();
        _api.Clock.Advance(RefusalLog.Interval);

        Assert.Empty(beforeTheSummary);
        var summary = Assert.Single(_api.Logs.Lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("Refused 5 calls", StringComparison.Ordinal));
        Assert.Contains("WINDOW_CLOSED 5", summary, StringComparison.Ordinal);
    }

    public void Dispose() => _api.Dispose();
}
