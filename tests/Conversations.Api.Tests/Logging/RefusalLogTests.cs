using Conversations.Api.Errors;
using Conversations.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Conversations.Api.Tests.Logging;

/// <summary>A burst of refused calls is Debug lines and one Information line per interval that counts them by reason.</summary>
public sealed class RefusalLogTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly RefusalLog _log;

    public RefusalLogTests()
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        _log = new RefusalLog(_clock, _loggers.CreateLogger<RefusalLog>());
    }

    [Fact]
    public void A_burst_of_refusals_is_one_Debug_line_each_and_one_Information_summary_once_the_interval_passes()
    {
        for (var i = 0; i < 160; i++)
        {
            _log.Refused("/conversations.v1.ConversationsService/Send", i < 120 ? "THROUGHPUT_LIMITED" : "WINDOW_CLOSED");
        }

        var beforeTheInterval = Information();
        _clock.Advance(RefusalLog.Interval);

        Assert.Empty(beforeTheInterval);
        Assert.Equal(160, _logs.Lines.Count(l => l.StartsWith("Debug ", StringComparison.Ordinal)));
        var summary = Assert.Single(Information());
        Assert.Contains("Refused=160", summary, StringComparison.Ordinal);
        Assert.Contains("Reasons=THROUGHPUT_LIMITED 120, WINDOW_CLOSED 40", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interval_without_refusals_logs_no_summary_and_the_next_counts_only_its_own()
    {
        _log.Refused("/conversations.v1.ConversationsService/Send", "WINDOW_CLOSED");
        _clock.Advance(RefusalLog.Interval);
        _clock.Advance(RefusalLog.Interval);
        _log.Refused("/conversations.v1.ConversationsService/Send", "WINDOW_CLOSED");
        _clock.Advance(RefusalLog.Interval);

        Assert.Collection(
            Information(),
            first => Assert.Contains("Refused=1 ", first, StringComparison.Ordinal),
            second => Assert.Contains("Refused=1 ", second, StringComparison.Ordinal));
    }

    private List<string> Information() => [.. _logs.Lines.Where(l => l.StartsWith("Information ", StringComparison.Ordinal))];

    public void Dispose()
    {
        _log.Dispose();
        _loggers.Dispose();
    }
}
