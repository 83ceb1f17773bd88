using Conversations.Abstractions.Refusals;
using Conversations.Grains.Sending;

namespace Conversations.Grains.Limits;

/// <summary>
/// The conversations a WABA may open with its own first messages: a bucket of a minute's quota, refilled evenly over the
/// minute, so the whole quota may go at once and then one more every minute / quota.
/// </summary>
public sealed class NewConversationQuota(string wabaId, int perMinute)
{
    private readonly TokenBucket _bucket = new(perMinute, TimeSpan.FromMinutes(1) / perMinute);

    public Refusal? Take(DateTimeOffset now) => Refused(_bucket.TryTake(now));

    public Refusal? Peek(DateTimeOffset now) => Refused(_bucket.Peek(now));

    private Refusal? Refused((bool Allowed, TimeSpan RetryAfter) answer) => answer.Allowed
        ? null
        : Refusal.Of(
            RefusalReason.ConversationQuotaExceeded,
            $"WABA {wabaId} may open {perMinute} new conversations a minute and has; retry after {AudiencePolicy.Seconds(answer.RetryAfter)} s. Conversations its customers start are never limited.",
            ("waba_id", wabaId),
            ("limit", FieldRules.Invariant(perMinute)),
            ("retry_after", AudiencePolicy.Seconds(answer.RetryAfter)));
}
