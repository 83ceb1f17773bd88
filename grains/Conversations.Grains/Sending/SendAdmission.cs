using System.Globalization;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Templates;

namespace Conversations.Grains.Sending;

/// <summary>
/// The one path every send takes to be allowed, whether it is sent now, decided at its scheduled time or only
/// evaluated: decide (window, template, fallback), then the account signals (ban, restrictions, quality guard; a slowed
/// marketing send takes its place only once the conversation's own rules allowed it), then the conversation's own
/// audience and pair rate, then the limits
/// it shares with other conversations (whether the number's queue has room, then the WABA's quota of new conversations
/// for the first message of one nobody opened yet, then the portfolio's messaging limit for a template outside the
/// window, then the number's pace slot). Each check runs only when the earlier ones allowed the send, so a message its
/// own rules refuse takes nothing. A dry run takes nothing and waits for nothing; a real one takes the pair token and
/// waits for its pace slot, so Meta never sees more than the number's throughput.
/// </summary>
public sealed class SendAdmission(
    ITemplateSource templates,
    IPacer pacer,
    IMessagingLimit messagingLimit,
    IConversationQuota conversationQuota,
    IAccountGuard accountGuard,
    TemplateLimits templateLimits,
    TimeSpan maxPacingDelay,
    TimeSpan slotTolerance)
{
    /// <summary>How many times a send takes a fresh slot after missing one before it goes anyway: a process that keeps stalling must not hold it for ever.</summary>
    public const int MaxMissedSlots = 3;

    /// <summary>The path over one object that holds all the shared limits, with the conversation options' template limits and pacing delay.</summary>
    /// <param name="time">
    /// The conversation's clock, which admission no longer reads: the pace is waited for on the wire's clock, by
    /// <see cref="IPacer.WaitFor"/>. Kept while the conversation grain passes it.
    /// </param>
    public static SendAdmission Over<TLimits>(TLimits limits, ConversationOptions options, TimeProvider time)
        where TLimits : ITemplateSource, IPacer, IMessagingLimit, IConversationQuota, IAccountGuard =>
        new(limits, limits, limits, limits, limits, options.Templates, options.Limits.MaxPacingDelay, options.Limits.PacingMargin / 2);

    public async Task<SendDecision> Decide(
        Conversation.Conversation conversation,
        MessageContent content,
        TemplateMessage? fallback,
        DateTimeOffset now,
        bool dryRun,
        CancellationToken cancellationToken)
    {
        var decision = await SendDecider.Decide(content, fallback, conversation.Window, now, templateLimits, template => templates.Find(template, cancellationToken));
        if (!decision.Allowed)
        {
            return decision;
        }

        var (signal, slowed) = accountGuard.Check(decision, conversation.IsBusinessInitiated(decision, now), now);
        if ((signal
             ?? conversation.Admits(decision, now)
             ?? (slowed ? await accountGuard.PaceMarketing(dryRun, cancellationToken) : null)
             ?? await CheckSharedLimits(conversation, decision, now, dryRun, cancellationToken)) is { } refusal)
        {
            return SendDecision.Refused(refusal);
        }

        if (!dryRun)
        {
            conversation.TakePairToken(now);
        }

        return decision;
    }

    private async Task<Refusal?> CheckSharedLimits(
        Conversation.Conversation conversation,
        SendDecision decision,
        DateTimeOffset now,
        bool dryRun,
        CancellationToken cancellationToken)
    {
        var countsCustomer = conversation.IsBusinessInitiated(decision, now);
        if ((dryRun || countsCustomer ? await pacer.Peek(cancellationToken) : null) is { Accepted: false } full)
        {
            return ThroughputLimited(conversation.Key.BusinessNumberId, full);
        }

        // Only the message that opens a conversation asks the WABA's quota, so a send in an open one costs no call. It goes
        // before the messaging limit: a send that limit then refuses has used a minute's place, not a customer's 24 h one.
        if (!conversation.Opened
            && await (dryRun ? conversationQuota.Peek(cancellationToken) : conversationQuota.Take(cancellationToken)) is { } quotaReached)
        {
            return quotaReached;
        }

        if (countsCustomer
            && await (dryRun ? messagingLimit.Peek(cancellationToken) : messagingLimit.Count(cancellationToken)) is { Succeeded: false } reach)
        {
            return reach.Refusal;
        }

        if (dryRun)
        {
            return null;
        }

        // The slot is taken last, right before it is waited for: counting the customer is a round trip, and a message that
        // comes to its slot late reaches Meta bunched with the ones after it. A slot lost to other sends since the peek
        // (rare) refuses the send with its customer counted: the safe side.
        var slot = await pacer.Reserve(cancellationToken);
        if (!slot.Accepted)
        {
            return ThroughputLimited(conversation.Key.BusinessNumberId, slot);
        }

        // A slot reached later than half the margin (a late timer, a pause) would send this message bunched with the ones
        // after it, beyond what the margin absorbs; it takes a fresh slot instead, leaving the missed one as a gap.
        for (var missed = 0; !await pacer.WaitFor(slot, slotTolerance, cancellationToken) && missed < MaxMissedSlots; missed++)
        {
            slot = await pacer.ReplaceMissed(cancellationToken);
        }

        return null;
    }

    private Refusal ThroughputLimited(string businessNumberId, PaceSlot slot) => Refusal.Of(
        RefusalReason.ThroughputLimited,
        $"Business number {businessNumberId} has {maxPacingDelay.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s of messages queued at its {slot.PerSecond} messages per second.",
        ("business_number_id", businessNumberId),
        ("throughput_per_second", FieldRules.Invariant(slot.PerSecond)),
        ("retry_after", AudiencePolicy.Seconds(slot.RetryAfter)));
}
