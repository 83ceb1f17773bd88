using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Telemetry;

/// <summary>
/// What the grains decide and do, as OpenTelemetry instruments. Every recording site checks that its instrument has a
/// listener before it builds a tag, so with metrics off a send pays a field read; tags are closed sets (never a number,
/// customer or wamid), except the portfolio of the messaging-limit gauges, of which a tenant has a handful.
/// </summary>
public sealed class GrainMetrics
{
    public const string MeterName = "Conversations.Grains";

    public const string Sends = "conversations.sends";
    public const string DecisionDuration = "conversations.send.decision.duration";
    public const string WindowsOpened = "conversations.windows.opened";
    public const string WindowsClosed = "conversations.windows.closed";
    public const string RemindersFired = "conversations.reminders.fired";
    public const string PacingQueueDepth = "conversations.pacing.queue.depth";
    public const string MessagingLimitUsed = "conversations.messaging_limit.used";
    public const string MessagingLimitLimit = "conversations.messaging_limit.limit";

    private readonly Counter<long> _sends;
    private readonly Histogram<double> _decisionDuration;
    private readonly Counter<long> _windowsOpened;
    private readonly Counter<long> _windowsClosed;
    private readonly Counter<long> _remindersFired;
    private readonly UpDownCounter<long> _pacingQueueDepth;
    private readonly ObservableGauge<int> _limitUsed;
    private readonly ObservableGauge<int> _limitLimit;

    /// <summary>The messaging-limit use of each portfolio whose grain is active on this silo.</summary>
    private readonly ConcurrentDictionary<string, (int Used, int? Limit)> _portfolios = new(StringComparer.Ordinal);

    public GrainMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sends = meter.CreateCounter<long>(Sends, "{send}", "Sends decided, by outcome (accepted, refused, failed), reason, kind and category.");
        _decisionDuration = meter.CreateHistogram<double>(
            DecisionDuration,
            "s",
            "How long a send's admission took (window, template, limits, pacing wait), by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _windowsOpened = meter.CreateCounter<long>(WindowsOpened, "{window}", "Customer service windows opened by an inbound message.");
        _windowsClosed = meter.CreateCounter<long>(WindowsClosed, "{window}", "Customer service windows closed: expired, or closed by Meta.");
        _remindersFired = meter.CreateCounter<long>(RemindersFired, "{reminder}", "Conversation reminders that fired, by reminder (expiry, scheduled_sends).");
        _pacingQueueDepth = meter.CreateUpDownCounter<long>(PacingQueueDepth, "{send}", "Sends waiting for their business number's throughput slot.");
        _limitUsed = meter.CreateObservableGauge(MessagingLimitUsed, () => Observe(p => p.Used), "{customer}", "Business-initiated conversations counted against each portfolio's messaging limit in its rolling window.");
        _limitLimit = meter.CreateObservableGauge(MessagingLimitLimit, () => Observe(p => p.Limit), "{customer}", "Each portfolio's messaging limit; absent when unlimited.");
    }

    public bool TimesDecisions => _decisionDuration.Enabled;

    public bool TracksPacing => _pacingQueueDepth.Enabled;

    /// <summary>A send the admission refused, or a malformed or unknown-number send refused before it.</summary>
    public void Refused(Refusal refusal, MessageKind? kind, TemplateCategory? category)
    {
        if (_sends.Enabled)
        {
            _sends.Add(1, Outcome("refused"), Reason(RefusalNames.Of(refusal.Reason)), Kind(kind), Category(kind, category));
        }
    }

    /// <summary>A send handed to Meta, with Meta's answer.</summary>
    public void Dispatched(DispatchResult result, MessageKind? kind, TemplateCategory? category)
    {
        if (_sends.Enabled)
        {
            _sends.Add(
                1,
                Outcome(result.Accepted ? "accepted" : "failed"),
                Reason(result.Accepted ? "none" : MetaErrorClassNames.Of(result.ErrorClass)),
                Kind(kind),
                Category(kind, category));
        }
    }

    public void Decided(bool allowed, TimeSpan elapsed) =>
        _decisionDuration.Record(elapsed.TotalSeconds, Outcome(allowed ? "allowed" : "refused"));

    public void Published(ImmutableArray<PublishedEvent> events)
    {
        if (!_windowsOpened.Enabled && !_windowsClosed.Enabled)
        {
            return;
        }

        foreach (var published in events)
        {
            if (published.Kind == ConversationEventKind.WindowOpened)
            {
                _windowsOpened.Add(1);
            }
            else if (published.Kind == ConversationEventKind.WindowClosed)
            {
                _windowsClosed.Add(1);
            }
        }
    }

    public void ReminderFired(string reminder)
    {
        if (_remindersFired.Enabled)
        {
            _remindersFired.Add(1, new KeyValuePair<string, object?>("reminder", reminder));
        }
    }

    public void PacingWaitStarted() => _pacingQueueDepth.Add(1);

    public void PacingWaitEnded() => _pacingQueueDepth.Add(-1);

    public void MessagingLimit(string portfolioId, int used, int? limit)
    {
        if (_limitUsed.Enabled || _limitLimit.Enabled)
        {
            _portfolios[portfolioId] = (used, limit);
        }
    }

    public void MessagingLimitGone(string portfolioId) => _portfolios.TryRemove(portfolioId, out _);

    private IEnumerable<Measurement<int>> Observe(Func<(int Used, int? Limit), int?> value)
    {
        foreach (var (portfolio, use) in _portfolios)
        {
            if (value(use) is { } measured)
            {
                yield return new Measurement<int>(measured, new KeyValuePair<string, object?>("portfolio", portfolio));
            }
        }
    }

    private static KeyValuePair<string, object?> Outcome(string outcome) => new("outcome", outcome);

    private static KeyValuePair<string, object?> Reason(string reason) => new("reason", reason);

    private static KeyValuePair<string, object?> Kind(MessageKind? kind) => new("kind", kind switch
    {
        MessageKind.FreeForm => "free_form",
        MessageKind.Template => "template",
        _ => "unknown",
    });

    /// <summary>A template's category, or "service" for free-form, as Meta prices them.</summary>
    private static KeyValuePair<string, object?> Category(MessageKind? kind, TemplateCategory? category) => new("category", category switch
    {
        TemplateCategory.Marketing => "marketing",
        TemplateCategory.Utility => "utility",
        TemplateCategory.Authentication => "authentication",
        _ => kind == MessageKind.FreeForm ? "service" : "unknown",
    });
}
