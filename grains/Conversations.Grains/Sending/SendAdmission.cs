using System.Globalization;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Templates;

namespace Conversations.Grains.Sending;

/// <summary>
/// The one path every send takes to be allowed, whether it is sent now, decided at its scheduled time or only
/// evaluated: decide (window, template, fallback), then the conversation's own audience and pair rate, then the limits
/// it shares with other conversations (the number's pace first, so a slot refused by the messaging limit after it is
/// merely a gap in the pace; then the portfolio's messaging limit for a template outside the window). Each check runs
/// only when the earlier ones allowed the send, so a refused message takes nothing. A dry run takes nothing and waits
/// for nothing; a real one takes the pair token and waits for its pace slot, so Meta never sees more than the
/// number's throughput.
/// </summary>
public sealed class SendAdmission(
    ITemplateSource templates,
    IPacer pacer,
    IMessagingLimit messagingLimit,
    TemplateLimits templateLimits,
    TimeSpan maxPacingDelay)
{
    /// <summary>The path over one object that holds all three shared limits, with the conversation options' template limits and pacing delay.</summary>
    /// <param name="time">
    /// The conversation's clock, which admission no longer reads: the pace is waited for on the wire's clock, by
    /// <see cref="IPacer.WaitFor"/>. Kept while the conversation grain passes it.
    /// </param>
    public static SendAdmission Over<TLimits>(TLimits limits, ConversationOptions options, TimeProvider time)
        where TLimits : ITemplateSource, IPacer, IMessagingLimit =>
        new(limits, limits, limits, options.Templates, options.Limits.MaxPacingDelay);

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

        if ((conversation.Admits(decision, now) ?? await CheckSharedLimits(conversation, decision, now, dryRun, cancellationToken)) is { } refusal)
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
        var slot = dryRun ? await pacer.Peek(cancellationToken) : await pacer.Reserve(cancellationToken);
        if (!slot.Accepted)
        {
            return ThroughputLimited(conversation.Key.BusinessNumberId, slot);
        }

        if (conversation.IsBusinessInitiated(decision, now)
            && await (dryRun ? messagingLimit.Peek(cancellationToken) : messagingLimit.Count(cancellationToken)) is { Succeeded: false } reach)
        {
            return reach.Refusal;
        }

        if (!dryRun)
        {
            await pacer.WaitFor(slot, cancellationToken);
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
