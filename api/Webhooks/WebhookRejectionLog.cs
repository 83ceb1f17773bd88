using System.Collections.Concurrent;
using Conversations.Abstractions.Refusals;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Webhooks;

/// <summary>
/// Logs refused webhooks (forged, oversized, too many at once, or an event the domain refused) at most once per reason per
/// <see cref="WebhookOptions.RejectionLogInterval"/>, each line counting the refusals it stood for: a flood of bad POSTs
/// must not become a flood of log lines. The refusals are all counted in <see cref="WebhookMetrics"/> as well.
/// </summary>
public sealed class WebhookRejectionLog(TimeProvider time, IOptions<WebhookOptions> options, ILogger<WebhookRejectionLog> logger)
{
    private readonly ConcurrentDictionary<string, Reason> _reasons = new(StringComparer.Ordinal);

    /// <param name="reason">A closed set (refusal reasons, the endpoint's own), so this holds a handful of entries.</param>
    /// <param name="what">What was refused, safe to log; cut to a short prefix.</param>
    public void Refused(string reason, string what)
    {
        if (Admit(reason) is { } suppressed)
        {
            logger.LogWarning(
                "Webhook {What} refused: {Reason} ({Suppressed} more refused for this reason since the last such line)",
                FieldRules.Echo(what, 2 * FieldRules.EchoLength),
                reason,
                suppressed);
        }
    }

    /// <summary>The count to report when this refusal is to be logged now, or null when its reason was logged within the interval.</summary>
    internal long? Admit(string reason)
    {
        var now = time.GetUtcNow();
        var entry = _reasons.GetOrAdd(reason, _ => new Reason());
        lock (entry)
        {
            if (entry.LoggedAt is { } last && now - last < options.Value.RejectionLogInterval)
            {
                entry.Suppressed++;
                return null;
            }

            var suppressed = entry.Suppressed;
            (entry.LoggedAt, entry.Suppressed) = (now, 0);
            return suppressed;
        }
    }

    private sealed class Reason
    {
        public DateTimeOffset? LoggedAt { get; set; }

        public long Suppressed { get; set; }
    }
}
