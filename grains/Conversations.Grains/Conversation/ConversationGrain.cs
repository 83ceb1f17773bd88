using System.Collections.Immutable;
using System.Globalization;
using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Events;
using Conversations.Grains.Limits;
using Conversations.Grains.Sending;
using Conversations.Grains.Window;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Conversation;

/// <summary>
/// One (business number, customer) conversation. Every decision compares persisted timestamps with the injected clock;
/// the expiry reminder only records that the window closed, so a late tick can never let a free-form message through.
/// </summary>
[GrainType("conversation")]
public sealed class ConversationGrain(
    [PersistentState("conversation", StorageNames.Conversations)] IPersistentState<ConversationState> state,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    IWhatsAppSender sender,
    IEnumerable<IConversationEventSink> eventSinks,
    ILogger<ConversationGrain> logger)
    : Grain, IConversationGrain, IRemindable, IIncomingGrainCallFilter
{
    public const string ExpiryReminderName = "window-expiry";
    public const string ScheduledSendsReminderName = "scheduled-sends";

    private readonly ConversationOptions _options = options.Value;
    private ConversationKey? _key;
    private TokenBucket? _pairRate;
    private readonly IConversationEventSink[] _eventSinks = [.. eventSinks];
    private readonly List<ConversationEvent> _unpublished = [];
    private BusinessNumberProfile? _profile;

    /// <summary>Whether a message Meta took is still unpriced because the ledger failed; activation checks the stored log.</summary>
    private bool _unpricedMessages;

    private ConversationKey Key => _key ??= ConversationKey.Parse(this.GetPrimaryKeyString());

    private CustomerServiceWindow Window => new(state.State.LastInboundAt, _options.WindowDuration, state.State.ClosedByMetaAt);

    private List<ConversationMessage> Log => state.State.Messages;

    /// <summary>
    /// State says which reminders should exist; if a reminder row was lost (a partial Redis restore), re-create it here
    /// rather than leave a window that never records its close or a scheduled send that is never decided.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Log.Any(m => m.Dispatching))
        {
            ResolveInterruptedDispatches(now);
            await Persist(cancellationToken);
        }

        if (Log.Count > 0)
        {
            await SettleUnpricedMessages();
        }

        var window = Window;
        if (window.IsOpenAt(now) && (!state.State.ExpiryReminderArmed || await this.GetReminder(ExpiryReminderName) is null))
        {
            // An open window always has its reminder; without one it would never record its close.
            await this.RegisterOrUpdateReminder(ExpiryReminderName, window.ExpiresAt!.Value - now, _options.ExpiryReminderPeriod);
            if (!state.State.ExpiryReminderArmed)
            {
                state.State.ExpiryReminderArmed = true;
                await Persist(cancellationToken);
            }
        }

        if (MessageLog.NextScheduled(Log) is { } next && await this.GetReminder(ScheduledSendsReminderName) is null)
        {
            await this.RegisterOrUpdateReminder(ScheduledSendsReminderName, Max(next - now, TimeSpan.Zero), _options.ScheduledSendReminderPeriod);
        }
    }

    /// <summary>
    /// Every call changes state in memory before it writes, and several awaits (reminders, the ledger, Meta) sit between
    /// the two. If anything throws, the activation's memory no longer matches storage and an idempotent retry would
    /// answer from what was never stored; dropping the activation makes the retry start from storage.
    /// </summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    public async Task<Result<ConversationSnapshot>> RecordInbound(InboundMessage message, CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (FieldRules.First(
                () => FieldRules.Required(message.MessageId, "message_id"),
                () => FieldRules.MaxLength(message.MessageId, _options.MaxMessageIdLength, "message_id")) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        if (state.State.RecentInboundIds.Contains(message.MessageId))
        {
            return Result<ConversationSnapshot>.Ok(Snapshot(now));
        }

        MessageLog.AppendBounded(state.State.RecentInboundIds, message.MessageId, _options.InboundIdsRemembered);
        if (message.UserId is { Length: > 0 } userId)
        {
            state.State.UserId = userId;
        }

        if (message.ReferralSourceType is not null && (state.State.LastReferralAt is null || message.SentAt > state.State.LastReferralAt))
        {
            state.State.LastReferralAt = message.SentAt > now ? now : message.SentAt;
        }

        var before = Window;
        var window = OpensWindow(message.Type) ? before.WithInbound(message.SentAt, now) : before;
        state.State.LastInboundAt = window.LastInboundAt;
        Raise(ConversationEventKind.InboundMessage, now);
        _unpublished[^1] = _unpublished[^1] with { MessageId = message.MessageId, InboundType = message.Type.ToString().ToLowerInvariant(), Text = message.Text };
        if (window != before)
        {
            if (window.IsOpenAt(now))
            {
                state.State.WindowClosedAt = null;
                await ArmExpiryReminder(window, now);
                if (!before.IsOpenAt(now))
                {
                    Raise(ConversationEventKind.WindowOpened, now);
                }
                else if (window.ExpiresAt > before.ExpiresAt)
                {
                    Raise(ConversationEventKind.WindowExtended, now);
                }
            }
        }

        await Persist(cancellationToken);
        await PublishRaised();
        return Result<ConversationSnapshot>.Ok(Snapshot(now));
    }

    public async Task<Result<SendReceipt>> Send(SendCommand command, CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } identityRefusal)
        {
            return identityRefusal;
        }

        if (CheckCommand(command, requireKey: true) is { } invalid)
        {
            return invalid;
        }

        if (_unpricedMessages)
        {
            await SettleUnpricedMessages();
        }

        var now = time.GetUtcNow();
        var hash = ContentHash.Of(command);
        var earlier = MessageLog.FindByKey(Log, command.IdempotencyKey);
        if (earlier >= 0 && Log[earlier].ContentHash == hash && IsRetryable(Log[earlier].Entry))
        {
            // Meta answered with an error, so it did not take the message: the same key may try again.
            Log.RemoveAt(earlier);
            earlier = -1;
        }

        if (earlier >= 0)
        {
            // A retry must get the first answer even if the window has closed since; different content under the key is a caller bug.
            var entry = Log[earlier].Entry;
            if (Log[earlier].ContentHash == hash)
            {
                return entry is { Status: MessageStatus.Failed, Refusal: { } failure } && entry.ScheduledFor is null
                    ? failure
                    : Result<SendReceipt>.Ok(Receipt(entry, now, replayed: true));
            }

            return Refusal.Of(
                    RefusalReason.IdempotencyConflict,
                    $"Idempotency key '{command.IdempotencyKey}' was already used for different content (message {entry.MessageId}).",
                    ("idempotency_key", command.IdempotencyKey),
                    ("message_id", entry.MessageId));
        }

        if (command.SendAt is { } sendAt && sendAt > now)
        {
            return await Schedule(command, sendAt, hash, now, cancellationToken);
        }

        var decision = await Decide(command, now, cancellationToken);
        if ((decision.Refusal ?? Admit(decision, now) ?? await ClearSharedLimits(decision, now, cancellationToken)) is { } refusal)
        {
            return refusal;
        }

        TakePairToken(now);

        StartEntryPointOnReply(now);
        var accepted = (NewEntry(command, now) with { Status = MessageStatus.Accepted, DecidedAt = now }).Decided(decision);
        MessageLog.Append(Log, new ConversationMessage(accepted, hash, Pending: null) { Dispatching = true }, _options.MessageLogCapacity);
        await Persist(cancellationToken);
        var dispatched = await Dispatch(accepted.MessageId, decision.ToSend!, cancellationToken);
        return dispatched.Refusal is { } metaRefusal
            ? metaRefusal
            : Result<SendReceipt>.Ok(Receipt(dispatched, now, replayed: false));
    }

    public async Task<Result<SendEvaluation>> Evaluate(SendCommand command, CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } identityRefusal)
        {
            return identityRefusal;
        }

        var now = time.GetUtcNow();
        var decision = CheckCommand(command, requireKey: false) is { } invalid
            ? SendDecision.Refused(invalid)
            : await Decide(command, now, cancellationToken);
        if (decision.Allowed && (Admit(decision, now) ?? await PeekSharedLimits(decision, now, cancellationToken)) is { } notAdmitted)
        {
            decision = SendDecision.Refused(notAdmitted);
        }

        var quote = decision.Allowed
            ? await Ledger(now).Quote(
                new ChargeRequest(Key.BusinessNumberId, Key.Customer, "evaluate." + NewMessageId(), decision.Kind!.Value, decision.Category, Window.IsOpenAt(now), EntryPointOpen(now, afterReply: true), now),
                cancellationToken)
            : null;
        return Result<SendEvaluation>.Ok(new SendEvaluation(
            decision.Allowed, decision.Kind, decision.Category, decision.UsedFallback, decision.Refusal, Snapshot(now)) { Charge = quote });
    }

    public async Task<Result<MessageLogEntry>> CancelScheduled(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } identityRefusal)
        {
            return identityRefusal;
        }

        if (FieldRules.Required(idempotencyKey, "idempotency_key") is { } missing)
        {
            return missing;
        }

        var index = MessageLog.FindByKey(Log, idempotencyKey);
        if (index < 0)
        {
            return Refusal.Of(
                RefusalReason.ScheduledSendNotFound,
                $"No send with idempotency key '{idempotencyKey}' is known to this conversation.",
                ("idempotency_key", idempotencyKey));
        }

        var entry = Log[index].Entry;
        if (entry.Status != MessageStatus.Scheduled)
        {
            return Refusal.Of(
                RefusalReason.NotCancellable,
                $"Message {entry.MessageId} is {entry.Status.ToString().ToUpperInvariant()}; only a scheduled send can be cancelled.",
                ("message_id", entry.MessageId),
                ("status", entry.Status.ToString().ToUpperInvariant()));
        }

        var cancelled = entry with { Status = MessageStatus.Cancelled, DecidedAt = time.GetUtcNow() };
        Log[index] = Log[index] with { Entry = cancelled, Pending = null };
        await Persist(cancellationToken);
        return Result<MessageLogEntry>.Ok(cancelled);
    }

    public async Task<Result<MessageLogEntry?>> RecordStatus(StatusUpdate update, CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } identityRefusal)
        {
            return identityRefusal;
        }

        if (FieldRules.Required(update.Wamid, "statuses.id") is { } missing)
        {
            return missing;
        }

        var index = Log.FindLastIndex(m => m.Entry.Wamid == update.Wamid);
        if (index < 0)
        {
            // A message sent by another tool, or one the bounded log has let go: Meta's verdict on the customer still holds.
            if (update.Error is not null && ApplyMetaVerdict(update.Error, update.Timestamp))
            {
                await Persist(cancellationToken);
            }

            return Result<MessageLogEntry?>.Ok(null);
        }

        var before = Log[index].Entry;
        var after = DeliveryProgress.Apply(before, update);
        ApplyMetaVerdict(update.Error, update.Timestamp);
        if (after == before && update.Error is null)
        {
            return Result<MessageLogEntry?>.Ok(before);
        }

        Log[index] = Log[index] with { Entry = after };
        if (after is { DeliveredAt: { } deliveredAt, Pricing: { } reported, Charge: { } estimate } && !(before.DeliveredAt is not null && before.Pricing is not null))
        {
            // Meta charges on delivery: the ledger of the delivery month learns what Meta says it charged.
            await Ledger(deliveredAt).RecordReported(new ReportedCharge(Key.BusinessNumberId, after.MessageId, estimate, reported, deliveredAt), cancellationToken);
        }

        if (after.Status != before.Status)
        {
            Raise(ConversationEventKind.MessageStatusChanged, update.Timestamp);
            _unpublished[^1] = _unpublished[^1] with { MessageId = after.MessageId, Wamid = after.Wamid, Status = after.Status, Refusal = after.Refusal };
        }

        await Persist(cancellationToken);
        await PublishRaised();
        return Result<MessageLogEntry?>.Ok(after);
    }

    public async Task<Result<ConversationSnapshot>> SetMarketingPreference(bool optedOut, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } identityRefusal)
        {
            return identityRefusal;
        }

        // Preferences arrive out of order like every webhook: only a newer statement changes the answer.
        if (state.State.MarketingPreferenceAt is { } known && known >= at)
        {
            return Result<ConversationSnapshot>.Ok(Snapshot(time.GetUtcNow()));
        }

        state.State.MarketingOptedOut = optedOut;
        state.State.MarketingPreferenceAt = at;
        await Persist(cancellationToken);
        return Result<ConversationSnapshot>.Ok(Snapshot(time.GetUtcNow()));
    }

    public async Task<Result<ImmutableArray<MessageLogEntry>>> ListMessages(int limit, CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } identityRefusal)
        {
            return identityRefusal;
        }

        if (limit < 0)
        {
            return FieldRules.Invalid("limit", "non_negative", "limit must be zero (all) or positive.");
        }

        var take = limit == 0 ? Log.Count : Math.Min(limit, Log.Count);
        return Result<ImmutableArray<MessageLogEntry>>.Ok([.. Log.AsEnumerable().Reverse().Take(take).Select(m => m.Entry)]);
    }

    public async Task<Result<ConversationSnapshot>> Get(CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return Result<ConversationSnapshot>.Ok(Snapshot(time.GetUtcNow()));
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        ExpiryReminderName => OnExpiryTick(),
        ScheduledSendsReminderName => OnScheduledSendsTick(),
        _ => Task.CompletedTask,
    };

    private async Task OnExpiryTick()
    {
        var now = time.GetUtcNow();
        var window = Window;
        if (window.IsOpenAt(now))
        {
            var expiresAt = window.ExpiresAt!.Value;
            if (ClosingSoonDue(expiresAt, now))
            {
                state.State.ClosingSoonAnnouncedFor = expiresAt;
                Raise(ConversationEventKind.WindowClosingSoon, now);
                await Persist(CancellationToken.None);
                await PublishRaised();
            }

            // Either the customer wrote again after the reminder was armed, or this tick announced "closing soon":
            // follow the window to its next point of interest.
            // The clock may have moved during the awaits above: measure the due time from now, not from the tick's start.
            await this.RegisterOrUpdateReminder(ExpiryReminderName, NextExpiryTick(expiresAt, time.GetUtcNow()), _options.ExpiryReminderPeriod);
            return;
        }

        if (state.State.ExpiryReminderArmed || state.State.WindowClosedAt is null)
        {
            state.State.WindowClosedAt = window.ExpiresAt - _options.FreeFormSafetyMargin;
            state.State.ExpiryReminderArmed = false;
            Raise(ConversationEventKind.WindowClosed, now);
            await Persist(CancellationToken.None);
            await PublishRaised();
            logger.LogInformation(
                "Customer service window of {BusinessNumberId}/{Customer} closed at {ClosedAt}",
                Key.BusinessNumberId,
                CustomerNumber.Mask(Key.Customer),
                window.ExpiresAt);
        }

        // Unregistering last: if the write above failed, the next tick retries it.
        await Unregister(ExpiryReminderName);
    }

    /// <summary>Decides every scheduled send that is due, at its send time and against the window as it is then.</summary>
    private async Task OnScheduledSendsTick()
    {
        var now = time.GetUtcNow();
        var due = MessageLog.DueAt(Log, now).ToList();
        if (due.Count > 0 && _profile is null && await CheckIdentity(CancellationToken.None) is { } identityRefusal)
        {
            logger.LogError("Scheduled sends of {Conversation} cannot be decided: {Reason}", Key, identityRefusal.Message);
            return;
        }

        foreach (var index in due)
        {
            var message = Log[index];
            var decision = await Decide(message.Pending!, now, CancellationToken.None);
            if (decision.Allowed && (Admit(decision, now) ?? await ClearSharedLimits(decision, now, CancellationToken.None)) is { } notAdmitted)
            {
                decision = SendDecision.Refused(notAdmitted);
            }
            else if (decision.Allowed)
            {
                TakePairToken(now);
            }

            var entry = decision.Refusal is { } refusal
                ? message.Entry with { Status = MessageStatus.Failed, DecidedAt = now, Refusal = refusal }
                : (message.Entry with { Status = MessageStatus.Accepted, DecidedAt = now }).Decided(decision);
            Log[index] = message with { Entry = entry, Pending = null, Dispatching = decision.Allowed };
            if (decision.Allowed)
            {
                StartEntryPointOnReply(now);
                await Persist(CancellationToken.None);
                entry = await Dispatch(entry.MessageId, decision.ToSend!, CancellationToken.None);
            }

            Raise(ConversationEventKind.ScheduledSendDecided, now);
            _unpublished[^1] = _unpublished[^1] with { MessageId = entry.MessageId, Wamid = entry.Wamid, Status = entry.Status, Refusal = entry.Refusal };

            logger.LogInformation(
                "Scheduled send {MessageId} of {BusinessNumberId}/{Customer} decided {Status}",
                entry.MessageId,
                Key.BusinessNumberId,
                CustomerNumber.Mask(Key.Customer),
                entry.Status);
        }

        if (due.Count > 0)
        {
            await Persist(CancellationToken.None);
            await PublishRaised();
        }

        if (MessageLog.NextScheduled(Log) is { } next)
        {
            await this.RegisterOrUpdateReminder(ScheduledSendsReminderName, Max(next - time.GetUtcNow(), TimeSpan.Zero), _options.ScheduledSendReminderPeriod);
        }
        else
        {
            await Unregister(ScheduledSendsReminderName);
        }
    }

    private async Task<Result<SendReceipt>> Schedule(SendCommand command, DateTimeOffset sendAt, string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (sendAt - now > _options.MaxScheduleAhead)
        {
            return FieldRules.Invalid(
                "send_at",
                "max_ahead",
                $"send_at may be at most {_options.MaxScheduleAhead.TotalDays.ToString(CultureInfo.InvariantCulture)} days ahead.");
        }

        if (MessageLog.ScheduledCount(Log) >= _options.MaxScheduledSends)
        {
            return Refusal.Of(
                RefusalReason.TooManyScheduledSends,
                $"This conversation already holds {_options.MaxScheduledSends} scheduled sends.",
                ("limit", FieldRules.Invariant(_options.MaxScheduledSends)));
        }

        var nextBefore = MessageLog.NextScheduled(Log);
        var scheduled = NewEntry(command, now) with { Status = MessageStatus.Scheduled, ScheduledFor = sendAt };
        MessageLog.Append(Log, new ConversationMessage(scheduled, hash, command), _options.MessageLogCapacity);
        if (nextBefore is null || sendAt < nextBefore)
        {
            await this.RegisterOrUpdateReminder(ScheduledSendsReminderName, sendAt - now, _options.ScheduledSendReminderPeriod);
        }

        await Persist(cancellationToken);
        return Result<SendReceipt>.Ok(Receipt(scheduled, now, replayed: false));
    }

    /// <summary>
    /// Calls Meta for a message whose intent is already persisted, then records the answer. Returns the updated entry;
    /// its Refusal is set when Meta did not take the message.
    /// </summary>
    private async Task<MessageLogEntry> Dispatch(string messageId, MessageContent content, CancellationToken cancellationToken)
    {
        DispatchResult result;
        try
        {
            result = await sender.Send(new OutboundMessage(Key.BusinessNumberId, Key.Customer, content, messageId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Sending {MessageId} to Meta failed unexpectedly", messageId);
            result = DispatchResult.Failed(MetaErrorClass.OutcomeUnknown, new MetaError(0, "The call to WhatsApp failed unexpectedly.", e.GetType().Name));
        }

        var index = Log.FindLastIndex(m => m.Entry.MessageId == messageId);
        var entry = Log[index].Entry;
        var now = time.GetUtcNow();
        entry = result.Accepted
            ? entry with { Wamid = result.Wamid, Charge = await TryCharge(entry, now) ?? MarkUnpriced() }
            : entry with { Status = MessageStatus.Failed, FailedAt = now, MetaError = result.Error, Refusal = MetaRefusals.Of(result) };
        if (!result.Accepted)
        {
            ApplyMetaVerdict(result.Error, now);
        }

        Log[index] = Log[index] with { Entry = entry, Dispatching = false };
        await Persist(CancellationToken.None);
        return entry;
    }

    /// <summary>
    /// Prices a message Meta took. Meta's acceptance must be stored whatever happens to the ledger, so a failure here
    /// leaves the charge unset and the message is priced again (the ledger ignores an id it has seen) on the next call.
    /// </summary>
    private async Task<ChargeEstimate?> TryCharge(MessageLogEntry entry, DateTimeOffset now)
    {
        try
        {
            return await Ledger(now).Charge(ChargeRequestFor(entry, now), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Pricing {MessageId} failed; it stays accepted and is priced again on the next call", entry.MessageId);
            return null;
        }
    }

    private ChargeEstimate? MarkUnpriced()
    {
        _unpricedMessages = true;
        return null;
    }

    /// <summary>Prices the messages Meta took whose pricing failed, at the time they were accepted.</summary>
    private async Task SettleUnpricedMessages()
    {
        _unpricedMessages = false;
        var priced = false;
        for (var i = 0; i < Log.Count; i++)
        {
            if (Log[i] is not { Dispatching: false, Entry: { Wamid: not null, Charge: null, Kind: not null, Status: not MessageStatus.Failed, DecidedAt: { } decidedAt } entry })
            {
                continue;
            }

            if (await TryCharge(entry, decidedAt) is { } charge)
            {
                Log[i] = Log[i] with { Entry = entry with { Charge = charge } };
                priced = true;
            }
            else
            {
                _unpricedMessages = true;
            }
        }

        if (priced)
        {
            await Persist(CancellationToken.None);
        }
    }

    /// <summary>What Meta's error codes say about this customer, beyond the one message.</summary>
    private bool ApplyMetaVerdict(MetaError? error, DateTimeOffset at)
    {
        switch (error?.Code)
        {
            case MetaErrorCodes.ReEngagement:
                // Meta says the window is closed: believe it until the customer writes again.
                state.State.ClosedByMetaAt = at;
                return true;
            case MetaErrorCodes.EcosystemEngagement:
                state.State.MarketingSuppressedUntil = at + _options.MarketingSuppression;
                return true;
            case MetaErrorCodes.MarketingOptedOut:
                state.State.MarketingOptedOut = true;
                state.State.MarketingPreferenceAt = at;
                return true;
            default:
                return false;
        }
    }

    private void ResolveInterruptedDispatches(DateTimeOffset now)
    {
        for (var i = 0; i < Log.Count; i++)
        {
            if (!Log[i].Dispatching)
            {
                continue;
            }

            var unknown = DispatchResult.Failed(
                MetaErrorClass.OutcomeUnknown,
                new MetaError(0, "The silo stopped while this message was being sent; it was not resent.", null));
            Log[i] = Log[i] with
            {
                Dispatching = false,
                Entry = Log[i].Entry with { Status = MessageStatus.Failed, FailedAt = now, MetaError = unknown.Error, Refusal = MetaRefusals.Of(unknown) },
            };
            logger.LogWarning("Message {MessageId} was interrupted mid-send; marked failed with an unknown outcome", Log[i].Entry.MessageId);
        }
    }

    /// <summary>
    /// Who may receive what the decision allows: marketing only to customers who have not stopped it and are reachable,
    /// and no customer more often than the pair rate (checked here, taken by <see cref="TakePairToken"/> once every
    /// other limit let the message through). The bucket lives in memory: a restart grants a fresh burst, which Meta's
    /// own limit then still bounds.
    /// </summary>
    private Refusal? Admit(SendDecision decision, DateTimeOffset now)
    {
        if (AudiencePolicy.IsMarketing(decision.Category)
            && AudiencePolicy.CheckMarketing(
                Key.Customer,
                state.State.MarketingOptedOut,
                state.State.MarketingSuppressedUntil,
                now,
                _options.MarketingBlockedRegions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) is { } audience)
        {
            return audience;
        }

        _pairRate ??= new TokenBucket(_options.PairRateBurst, _options.PairRateInterval);
        var (allowed, retryAfter) = _pairRate.Peek(now);
        return allowed
            ? null
            : Refusal.Of(
                RefusalReason.PairRateLimited,
                $"This customer already received {_options.PairRateBurst} messages in a burst; WhatsApp allows one every {_options.PairRateInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s after that.",
                ("whatsapp_code", "131056"),
                ("retry_after", AudiencePolicy.Seconds(retryAfter)));
    }

    private void TakePairToken(DateTimeOffset now) => _pairRate!.TryTake(now);

    /// <summary>
    /// The limits this conversation shares with others, checked after its own rules so a refused message takes nothing:
    /// the business number's pace first (a slot refused by the messaging limit after it is merely a gap in the pace),
    /// then the portfolio's messaging limit for a template outside the window. Waits for the pace slot when the number's
    /// second is full, so Meta never sees more than the number's throughput.
    /// </summary>
    private async Task<Refusal?> ClearSharedLimits(SendDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var slot = await Pacer.Reserve(cancellationToken);
        if (!slot.Accepted)
        {
            return ThroughputLimited(slot);
        }

        if (BusinessInitiated(decision, now) && await Reach.Count(cancellationToken) is { Succeeded: false } reach)
        {
            return reach.Refusal;
        }

        var wait = slot.SendAt - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        return null;
    }

    /// <summary>What <see cref="ClearSharedLimits"/> would say now, taking nothing and waiting for nothing (Evaluate).</summary>
    private async Task<Refusal?> PeekSharedLimits(SendDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await Pacer.Peek(cancellationToken) is { Accepted: false } slot)
        {
            return ThroughputLimited(slot);
        }

        return BusinessInitiated(decision, now) && await Reach.Peek(cancellationToken) is { Succeeded: false } reach
            ? reach.Refusal
            : null;
    }

    private IThroughputPacerGrain Pacer => GrainFactory.GetGrain<IThroughputPacerGrain>(Key.BusinessNumberId);

    private ICustomerReachGrain Reach => GrainFactory.GetGrain<ICustomerReachGrain>($"{_profile!.PortfolioId}/{Key.Customer}");

    /// <summary>A template outside the customer service window: what Meta's messaging limit counts.</summary>
    private bool BusinessInitiated(SendDecision decision, DateTimeOffset now) =>
        decision.Kind == MessageKind.Template && !Window.IsOpenAt(now);

    private Refusal ThroughputLimited(PaceSlot slot) => Refusal.Of(
        RefusalReason.ThroughputLimited,
        $"Business number {Key.BusinessNumberId} has {_options.Limits.MaxPacingDelay.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s of messages queued at its {slot.PerSecond} messages per second.",
        ("business_number_id", Key.BusinessNumberId),
        ("throughput_per_second", FieldRules.Invariant(slot.PerSecond)),
        ("retry_after", AudiencePolicy.Seconds(slot.RetryAfter)));

    private static bool IsRetryable(MessageLogEntry entry) =>
        entry.Status == MessageStatus.Failed
        && entry.Refusal?.Reason is RefusalReason.MetaRateLimited or RefusalReason.MetaUnavailable;

    private Refusal? CheckCommand(SendCommand command, bool requireKey) => FieldRules.First(
        () => requireKey ? FieldRules.Required(command.IdempotencyKey, "idempotency_key") : null,
        () => FieldRules.MaxLength(command.IdempotencyKey, _options.MaxIdempotencyKeyLength, "idempotency_key"),
        () => command.Content is null ? Refusal.MissingField("content") : null,
        () => SendPolicy.CheckShape(command.Content, _options.Content),
        () => command.FallbackTemplate is not null && command.Content is TemplateMessage
            ? FieldRules.Invalid("fallback_template", "free_form_only", "A fallback template only applies to free-form content.")
            : null,
        () => command.FallbackTemplate is { } fallback ? SendPolicy.CheckShape(fallback, _options.Content, "fallback_template") : null);

    private Task<SendDecision> Decide(SendCommand command, DateTimeOffset now, CancellationToken cancellationToken) =>
        SendDecider.Decide(
            command.Content,
            command.FallbackTemplate,
            Window,
            now,
            _options.FreeFormSafetyMargin,
            _options.Templates,
            template => GrainFactory.GetGrain<ITemplateRegistryGrain>(_profile!.WabaId).Find(template.Name, template.Language, cancellationToken));

    private MessageLogEntry NewEntry(SendCommand command, DateTimeOffset now) => new(
        NewMessageId(),
        command.IdempotencyKey,
        command.Content.TypeName,
        Kind: null,
        MessageStatus.Scheduled,
        CreatedAt: now,
        DecidedAt: null,
        ScheduledFor: null,
        UsedFallback: false,
        TemplateName: null,
        TemplateCategory: null,
        Refusal: null);

    private SendReceipt Receipt(MessageLogEntry entry, DateTimeOffset now, bool replayed) =>
        new(entry.MessageId, entry.Kind ?? MessageKind.FreeForm, entry.DecidedAt ?? entry.CreatedAt, Snapshot(now), replayed)
        {
            UsedFallback = entry.UsedFallback,
            Status = entry.Status,
            ScheduledFor = entry.ScheduledFor,
            TemplateCategory = entry.TemplateCategory,
            Wamid = entry.Wamid,
            Charge = entry.Charge,
        };

    private bool OpensWindow(InboundMessageType type) =>
        type != InboundMessageType.Reaction || _options.ReactionsOpenWindow;

    /// <summary>Registering writes to the reminder table, so it happens when a window opens, not on every message.</summary>
    private async Task ArmExpiryReminder(CustomerServiceWindow window, DateTimeOffset now)
    {
        if (state.State.ExpiryReminderArmed)
        {
            return;
        }

        await this.RegisterOrUpdateReminder(ExpiryReminderName, NextExpiryTick(window.ExpiresAt!.Value, now), _options.ExpiryReminderPeriod);
        state.State.ExpiryReminderArmed = true;
    }

    private async Task Unregister(string reminderName)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private Task Persist(CancellationToken cancellationToken) => state.WriteStateAsync(cancellationToken);

    /// <summary>Refuses a malformed key or an unregistered business number before any state is touched.</summary>
    private async Task<Refusal?> CheckIdentity(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/');
        var valid = slash > 0 ? ConversationKey.Create(key[..slash], key[(slash + 1)..]) : ConversationKey.Create(key, null);
        if (!valid.Succeeded)
        {
            return valid.Refusal;
        }

        if (valid.Value.ToString() != key)
        {
            return Refusal.Of(
                RefusalReason.InvalidCustomer,
                $"Conversation key '{key}' is not normalized; address conversations as '{valid.Value}'.",
                ("field", "customer"));
        }

        _profile ??= await GrainFactory.GetGrain<IBusinessNumberGrain>(Key.BusinessNumberId).GetProfile(cancellationToken);
        return _profile is null
            ? Refusal.Of(
                RefusalReason.UnknownBusinessNumber,
                $"Business number {Key.BusinessNumberId} is not registered; register it with its WABA first.",
                ("business_number_id", Key.BusinessNumberId))
            : null;
    }

    private ConversationSnapshot Snapshot(DateTimeOffset now)
    {
        var window = Window;
        var open = window.IsOpenAt(now, _options.FreeFormSafetyMargin);
        // Derived, never read back from the reminder's record: a late inbound or the safety margin must show the same instant Send reports.
        var closedAt = open ? null : window.ExpiresAt - _options.FreeFormSafetyMargin;
        return new ConversationSnapshot(
            Key.BusinessNumberId,
            Key.Customer,
            open,
            window.ExpiresAt,
            state.State.LastInboundAt,
            closedAt,
            state.State.ExpiryReminderArmed)
        {
            MarketingOptedOut = state.State.MarketingOptedOut,
            MarketingSuppressedUntil = state.State.MarketingSuppressedUntil,
            LastReferralAt = state.State.LastReferralAt,
        };
    }

    private IUsageLedgerGrain Ledger(DateTimeOffset at) =>
        GrainFactory.GetGrain<IUsageLedgerGrain>(UsageLedgerKey.Of(_profile!.PortfolioId, at));

    private ChargeRequest ChargeRequestFor(MessageLogEntry entry, DateTimeOffset now) =>
        new(Key.BusinessNumberId, Key.Customer, entry.MessageId, entry.Kind!.Value, entry.TemplateCategory, Window.IsOpenAt(now), EntryPointOpen(now, afterReply: false), now);

    /// <summary>
    /// A customer who came from an ad or Page button gets a 72 h free entry point, opened by the business's first reply
    /// within the 24 h window that the referral opened.
    /// </summary>
    private void StartEntryPointOnReply(DateTimeOffset now)
    {
        if (EntryPointReplyPending(now))
        {
            state.State.EntryPointOpenedAt = now;
        }
    }

    private bool EntryPointReplyPending(DateTimeOffset now) =>
        state.State.LastReferralAt is { } referral
        && now < referral + _options.WindowDuration
        && (state.State.EntryPointOpenedAt is not { } opened || opened < referral);

    /// <summary>Whether the free entry point covers a message at <paramref name="now"/>; a dry run counts the reply it would be.</summary>
    private bool EntryPointOpen(DateTimeOffset now, bool afterReply) =>
        (afterReply && EntryPointReplyPending(now))
        || (state.State.EntryPointOpenedAt is { } opened && now < opened + _options.FreeEntryPointDuration);

    private bool ClosingSoonDue(DateTimeOffset expiresAt, DateTimeOffset now) =>
        _options.ClosingSoonLeadTime > TimeSpan.Zero
        && now >= expiresAt - _options.ClosingSoonLeadTime
        && state.State.ClosingSoonAnnouncedFor != expiresAt;

    /// <summary>The reminder's next due time: the "closing soon" moment if not yet announced for this window end, else the end.</summary>
    private TimeSpan NextExpiryTick(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var closingSoonAt = expiresAt - _options.ClosingSoonLeadTime;
        var next = _options.ClosingSoonLeadTime > TimeSpan.Zero && state.State.ClosingSoonAnnouncedFor != expiresAt && closingSoonAt > now
            ? closingSoonAt
            : expiresAt;
        return Max(next - now, TimeSpan.Zero);
    }

    /// <summary>Numbers an event now; it is published only after the state write that records its sequence succeeded.</summary>
    private void Raise(ConversationEventKind kind, DateTimeOffset at)
    {
        var snapshotExpiry = Window.ExpiresAt;
        _unpublished.Add(new ConversationEvent(Key.BusinessNumberId, Key.Customer, ++state.State.EventSequence, kind, at)
        {
            WindowExpiresAt = snapshotExpiry,
        });
    }

    private async Task PublishRaised()
    {
        if (_unpublished.Count == 0)
        {
            return;
        }

        var events = _unpublished.ToArray();
        _unpublished.Clear();
        await EventSinkPublishing.PublishEach(_eventSinks, events, (e, conversationEvent) => logger.LogWarning(
            e, "Publishing event {Sequence} of {BusinessNumberId}/{Customer} failed", conversationEvent.Sequence, Key.BusinessNumberId, CustomerNumber.Mask(Key.Customer)));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string NewMessageId() => "cnv." + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
}
