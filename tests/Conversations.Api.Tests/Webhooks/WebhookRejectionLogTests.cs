using Conversations.Api.Webhooks;
using Conversations.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>A flood of refused webhooks is one log line per reason per interval, each saying how many it stood for.</summary>
public sealed class WebhookRejectionLogTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly WebhookRejectionLog _log;

    public WebhookRejectionLogTests()
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(_logs));
        _log = new WebhookRejectionLog(
            _clock, Options.Create(new WebhookOptions { RejectionLogInterval = TimeSpan.FromMinutes(1) }), _loggers.CreateLogger<WebhookRejectionLog>());
    }

    [Fact]
    public void Refusals_within_the_interval_are_one_line_and_the_next_line_counts_those_left_out()
    {
        // Act
        _log.Refused("bad_signature", "POST from 203.0.113.7");
        _clock.Advance(TimeSpan.FromSeconds(20));
        _log.Refused("bad_signature", "POST from 203.0.113.7");
        _clock.Advance(TimeSpan.FromSeconds(39));
        _log.Refused("bad_signature", "POST from 203.0.113.8");
        var withinTheMinute = _logs.Lines.Count;
        _clock.Advance(TimeSpan.FromSeconds(1));
        _log.Refused("bad_signature", "POST from 203.0.113.9");

        // Assert
        Assert.Equal(1, withinTheMinute);
        Assert.Collection(
            _logs.Lines,
            first => Assert.Contains("Reason=bad_signature Suppressed=0", first, StringComparison.Ordinal),
            second => Assert.Contains("Reason=bad_signature Suppressed=2", second, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_reason_has_its_own_interval()
    {
        // Act
        _log.Refused("bad_signature", "POST from 203.0.113.7");
        _log.Refused("TEXT_TOO_LONG", "inbound_message for 106540352242922/+4479•••3456");
        _log.Refused("bad_signature", "POST from 203.0.113.7");

        // Assert
        Assert.Collection(
            _logs.Lines,
            first => Assert.Contains("Reason=bad_signature", first, StringComparison.Ordinal),
            second => Assert.Contains("Reason=TEXT_TOO_LONG", second, StringComparison.Ordinal));
    }

    [Fact]
    public void What_was_refused_is_cut_to_a_short_prefix()
    {
        // Act
        _log.Refused("INVALID_BUSINESS_NUMBER_ID", "inbound_message for " + new string('9', 100_000));

        // Assert
        Assert.InRange(Assert.Single(_logs.Lines).Length, 1, 1024);
    }

    public void Dispose() => _loggers.Dispose();
}
