using Conversations.Api.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>A flood of refused webhooks is one log line per reason per interval, each saying how many it stood for.</summary>
public sealed class WebhookRejectionLogTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly LineLogger _logger = new();
    private readonly WebhookRejectionLog _log;

    public WebhookRejectionLogTests() =>
        _log = new WebhookRejectionLog(_clock, Options.Create(new WebhookOptions { RejectionLogInterval = TimeSpan.FromMinutes(1) }), _logger);

    [Fact]
    public void Refusals_within_the_interval_are_one_line_and_the_next_line_counts_those_left_out()
    {
        // Act
        _log.Refused("bad_signature", "POST from 203.0.113.7");
        _clock.Advance(TimeSpan.FromSeconds(20));
        _log.Refused("bad_signature", "POST from 203.0.113.7");
        _clock.Advance(TimeSpan.FromSeconds(39));
        _log.Refused("bad_signature", "POST from 203.0.113.8");
        var withinTheMinute = _logger.Lines.Count;
        _clock.Advance(TimeSpan.FromSeconds(1));
        _log.Refused("bad_signature", "POST from 203.0.113.9");

        // Assert
        Assert.Equal(1, withinTheMinute);
        Assert.Equal(
            [("bad_signature", 0L), ("bad_signature", 2L)],
            _logger.Lines.Select(l => ((string)l["Reason"]!, (long)l["Suppressed"]!)));
    }

    [Fact]
    public void Each_reason_has_its_own_interval()
    {
        // Act
        _log.Refused("bad_signature", "POST from 203.0.113.7");
        _log.Refused("TEXT_TOO_LONG", "inbound_message for 106540352242922/+4479•••3456");
        _log.Refused("bad_signature", "POST from 203.0.113.7");

        // Assert
        Assert.Equal(["bad_signature", "TEXT_TOO_LONG"], _logger.Lines.Select(l => (string)l["Reason"]!));
    }

    [Fact]
    public void What_was_refused_is_cut_to_a_short_prefix()
    {
        // Act
        _log.Refused("INVALID_BUSINESS_NUMBER_ID", "inbound_message for " + new string('9', 100_000));

        // Assert
        Assert.InRange(((string)_logger.Lines.Single()["What"]!).Length, 1, 129);
    }

    /// <summary>Keeps each line's structured fields, as a log pipeline would see them.</summary>
    private sealed class LineLogger : ILogger<WebhookRejectionLog>
    {
        public List<Dictionary<string, object?>> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(((IEnumerable<KeyValuePair<string, object?>>)state!).ToDictionary(p => p.Key, p => p.Value));
    }
}
