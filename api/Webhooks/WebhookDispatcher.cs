using Conversations.Abstractions.DeadLetters;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Auth;
using Conversations.Api.Errors;
using Conversations.Api.Identity;
using Conversations.Api.Webhooks.Events;

namespace Conversations.Api.Webhooks;

/// <summary>
/// Applies a webhook's events to their grains. Every event is attempted even when another fails, so a retry has less
/// left to do; the POST may be acknowledged only when every grain call returned, because each returns after its write.
/// A POST's statuses for one conversation go to its grain as one batch: one call and one write, in the POST's order.
/// An event refused for good, or one this code cannot apply yet, is kept in its number's dead letters before the POST
/// is acknowledged: Meta is answered 200, and nothing it delivered is lost.
/// </summary>
public sealed class WebhookDispatcher(
    GrainReferences grains,
    NumberOwners owners,
    CustomerDirectory customers,
    WebhookMetrics metrics,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger)
{
    /// <summary>Grain calls one POST keeps in flight: enough to fan a 3 MB batch out, few enough not to flood the cluster.</summary>
    public const int MaxInFlight = 32;

    /// <summary>True when every event was applied, refused for good or ignored; false when any grain call threw.</summary>
    public async Task<bool> Dispatch(WebhookBatch batch, CancellationToken cancellationToken)
    {
        foreach (var ignored in batch.Ignored)
        {
            metrics.Ignored(ignored.Reason);
            logger.LogDebug("Webhook part ignored ({Reason}): {Detail}", ignored.Reason, ignored.Detail);
        }

        var failures = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxInFlight, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(GroupStatuses(batch.Events), parallel, async (events, token) =>
        {
            try
            {
                var outcomes = events is [MessageStatusReported, ..]
                    ? await ApplyStatuses(events.Cast<MessageStatusReported>().ToList(), token)
                    : [await Apply(events[0], token)];
                for (var i = 0; i < events.Count; i++)
                {
                    await Record(events[i], outcomes[i], token);
                }
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref failures);
                foreach (var webhookEvent in events)
                {
                    metrics.Failed(webhookEvent.Kind);
                    logger.LogError(e, "Webhook {Kind} for {Subject} could not be applied; Meta will redeliver it", webhookEvent.Kind, webhookEvent.Subject);
                }
            }
        });
        return failures == 0;
    }

    /// <summary>Every event on its own, except statuses, which go together per conversation (first appearance, POST order within).</summary>
    private static List<List<WebhookEvent>> GroupStatuses(IEnumerable<WebhookEvent> events)
    {
        var work = new List<List<WebhookEvent>>();
        var statuses = new Dictionary<(string?, string?), List<WebhookEvent>>();
        foreach (var webhookEvent in events)
        {
            if (webhookEvent is not MessageStatusReported status)
            {
                work.Add([webhookEvent]);
            }
            else if (statuses.TryGetValue((status.BusinessNumberId, status.Customer ?? status.CustomerUserId), out var group))
            {
                group.Add(status);
            }
            else
            {
                group = [status];
                statuses.Add((status.BusinessNumberId, status.Customer ?? status.CustomerUserId), group);
                work.Add(group);
            }
        }

        return work;
    }

    private async Task<IReadOnlyList<Outcome>> ApplyStatuses(List<MessageStatusReported> statuses, CancellationToken cancellationToken)
    {
        var grain = await Conversation(statuses[0], cancellationToken);
        if (!grain.Succeeded)
        {
            return [.. statuses.Select(_ => (Outcome)grain.Refusal!)];
        }

        var recorded = await grain.Value.RecordStatuses([.. statuses.Select(s => s.Update)], cancellationToken);
        return recorded.Succeeded
            ? [.. recorded.Value.Select(StatusOutcome)]
            : [.. statuses.Select(_ => (Outcome)recorded.Refusal!)];
    }

    private async Task<Outcome> Apply(WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        switch (webhookEvent)
        {
            case InboundMessageReceived inbound:
            {
                var grain = await Conversation(inbound, cancellationToken);
                return grain.Succeeded ? Outcome.Of(await grain.Value.RecordInbound(inbound.Message, cancellationToken)) : grain.Refusal;
            }

            case MarketingPreferenceChanged preference:
            {
                var grain = await Conversation(preference, cancellationToken);
                return grain.Succeeded
                    ? Outcome.Of(await grain.Value.SetMarketingPreference(preference.OptedOut, preference.At, cancellationToken))
                    : grain.Refusal;
            }

            case TemplateStatusChanged change:
            {
                var registry = Registry(change);
                return registry.Succeeded
                    ? Outcome.Of(await registry.Value.SetStatus(change.Name ?? "", change.Language ?? "", change.Status, cancellationToken))
                    : registry.Refusal;
            }

            case TemplateCategoryChanged change:
            {
                var registry = Registry(change);
                return registry.Succeeded
                    ? Outcome.Of(await registry.Value.SetCategory(change.Name ?? "", change.Language ?? "", change.Category, cancellationToken))
                    : registry.Refusal;
            }

            case TemplateQualityChanged change:
            {
                var registry = Registry(change);
                return registry.Succeeded
                    ? Outcome.Of(await registry.Value.SetQuality(change.Name ?? "", change.Language ?? "", change.Quality, cancellationToken))
                    : registry.Refusal;
            }

            case UnappliedEvent unapplied:
                return new Outcome(null, null, unapplied);

            case NumberQualityChanged change:
                return await Account(change, (grain, token) => grain.ApplyQuality(change.DisplayPhoneNumber, change.Quality, change.MessagingLimit, token), cancellationToken);

            case MessagingLimitChanged change:
                return await Account(change, (grain, token) => grain.ApplyMessagingLimit(change.MessagingLimit, token), cancellationToken);

            case AccountRestrictionsChanged change:
                return await Account(change, (grain, token) => grain.ApplyRestrictions(change.Restrictions, change.ReportedAt, token), cancellationToken);

            case AccountBanChanged change:
                return await Account(change, (grain, token) => grain.ApplyBan(change.Ban, change.BanDate, change.ReportedAt, token), cancellationToken);

            default:
                throw new ArgumentOutOfRangeException(nameof(webhookEvent), webhookEvent.Kind, "Every webhook event needs a grain.");
        }
    }

    private async Task Record(WebhookEvent webhookEvent, Outcome outcome, CancellationToken cancellationToken)
    {
        if (EventTime(webhookEvent) is { } at)
        {
            metrics.Arrived(webhookEvent.Kind, at, time.GetUtcNow());
        }

        if (outcome.Refusal is { } refusal)
        {
            // Meta redelivering the same event would meet the same refusal: acknowledge it and keep it instead.
            var reason = RefusalStatus.ReasonName(refusal.Reason);
            metrics.Rejected(webhookEvent.Kind, reason);
            await DeadLetter(webhookEvent, (webhookEvent as ConversationEvent)?.BusinessNumberId, reason, refusal.Message, rejected: true, cancellationToken);
        }
        else if (outcome.Unapplied is { } unapplied)
        {
            await DeadLetter(webhookEvent, unapplied.BusinessNumberId, unapplied.Reason, unapplied.Detail, rejected: false, cancellationToken);
        }
        else if (outcome.Ignored is { } ignored)
        {
            metrics.Ignored(ignored, webhookEvent.Kind);
            logger.LogDebug("Webhook {Kind} for {Subject} ignored ({Reason})", webhookEvent.Kind, webhookEvent.Subject, ignored);
        }
        else
        {
            metrics.Applied(webhookEvent.Kind);
        }
    }

    /// <summary>
    /// Keeps the event in its business number's dead letters; one whose number id is not Meta's numeric id belongs to no
    /// tenant that could read it, so it is only counted and logged.
    /// </summary>
    private async Task DeadLetter(WebhookEvent webhookEvent, string? businessNumberId, string reason, string detail, bool rejected, CancellationToken cancellationToken)
    {
        var number = MetaId.BusinessNumberId(businessNumberId);
        if (number.Succeeded)
        {
            var letter = new DeadLetter(webhookEvent.Kind, reason, detail, webhookEvent.Raw, time.GetUtcNow());
            await grains.Get<IDeadLetterGrain>(number.Value).Record(letter, cancellationToken);
        }

        // One line per letter: each is an event Meta delivered that nothing applied, and an operator will ask about it.
        logger.LogWarning(
            "Webhook {Kind} for {Subject} dead-lettered: {Reason} ({Detail}); kept in the number's dead letters: {Stored} (trace {TraceId})",
            webhookEvent.Kind,
            webhookEvent.Subject,
            reason,
            FieldRules.Echo(detail, 2 * FieldRules.EchoLength),
            number.Succeeded,
            System.Diagnostics.Activity.Current?.TraceId.ToString());

        metrics.DeadLettered(webhookEvent.Kind, reason, stored: number.Succeeded, rejected);
    }

    /// <summary>When Meta says the event happened, for the events that say.</summary>
    private static DateTimeOffset? EventTime(WebhookEvent webhookEvent) => webhookEvent switch
    {
        MessageStatusReported status => status.Update.Timestamp,
        InboundMessageReceived inbound => inbound.Message.SentAt,
        _ => null,
    };

    /// <summary>A status for a wamid the conversation does not hold is ignored, not refused.</summary>
    private static Outcome StatusOutcome(Result<Abstractions.Messages.MessageLogEntry?> recorded) =>
        recorded is { Succeeded: true, Value: null } ? Outcome.UnknownMessage : Outcome.Of(recorded);

    /// <summary>
    /// The conversation of the customer Meta named, by phone number, BSUID or both, through the portfolio's identity
    /// directory: a webhook that shows both links them, and a BSUID seen first stays its customer's key.
    /// </summary>
    private async ValueTask<Result<IConversationGrain>> Conversation(ConversationEvent conversationEvent, CancellationToken cancellationToken)
    {
        var number = MetaId.BusinessNumberId(conversationEvent.BusinessNumberId);
        var ids = number.Succeeded ? CustomerIds.FromMeta(conversationEvent.Customer, conversationEvent.CustomerUserId) : number.Refusal;
        if (!ids.Succeeded)
        {
            return ids.Refusal;
        }

        var profile = await owners.Get(number.Value!, cancellationToken);
        var key = await customers.KeyOf(number.Value!, profile?.PortfolioId, ids.Value, record: true, fromMeta: true, cancellationToken);
        return key.Succeeded ? Result<IConversationGrain>.Ok(grains.Get<IConversationGrain>(key.Value.ToString())) : key.Refusal;
    }

    private Result<ITemplateRegistryGrain> Registry(TemplateEvent templateEvent)
    {
        var waba = MetaId.WabaId(templateEvent.WabaId);
        return waba.Succeeded ? Result<ITemplateRegistryGrain>.Ok(grains.Get<ITemplateRegistryGrain>(waba.Value)) : waba.Refusal;
    }

    private async Task<Outcome> Account(AccountEvent accountEvent, Func<IAccountSignalsGrain, CancellationToken, Task<Result<int>>> apply, CancellationToken cancellationToken)
    {
        var waba = MetaId.WabaId(accountEvent.WabaId);
        return waba.Succeeded ? Outcome.Of(await apply(grains.Get<IAccountSignalsGrain>(waba.Value), cancellationToken)) : waba.Refusal;
    }

    /// <summary>How one event ended when its grain call returned: applied, refused, nothing to apply it to, or not appliable yet.</summary>
    private readonly record struct Outcome(Refusal? Refusal, string? Ignored, UnappliedEvent? Unapplied = null)
    {
        public static Outcome UnknownMessage => new(null, IgnoredEvent.UnknownMessage);

        public static Outcome Of<T>(Result<T> result) => new(result.Refusal, null);

        public static implicit operator Outcome(Refusal refusal) => new(refusal, null);
    }
}
