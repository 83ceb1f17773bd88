using System.Collections.Immutable;
using System.Globalization;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Limits;
using Conversations.Grains.Sending;
using Conversations.Grains.Window;

namespace Conversations.Grains.Conversation;

/// <summary>
/// Every rule about one (business number, customer) conversation, over its persisted state and an instant passed in:
/// inbound messages, the window, idempotency, scheduling, sends and Meta's answers. It performs no I/O; each step
/// returns what happened (<see cref="ConversationOutcome{T}"/>) and the grain writes, calls and publishes it.
/// The message log is the stored records (<paramref name="records"/>, oldest first) folded with the state's scheduled
/// sends; every change to a message becomes a record in the outcome's <see cref="ConversationOutcome{T}.Logged"/>.
/// </summary>
public sealed class Conversation(ConversationKey key, ConversationState state, ConversationOptions options, IReadOnlyCollection<ConversationMessage>? records = null)
{
    private readonly List<ConversationMessage> _log = Restore(state, records ?? [], options);

    /// <summary>Changed messages not yet handed to an outcome: each step drains them into its <see cref="ConversationOutcome{T}.Logged"/>.</summary>
    private readonly List<ConversationMessage> _unlogged = [];

    /// <summary>Messages to this customer, in memory: a restart grants a fresh burst, which Meta's own limit still bounds.</summary>
    private readonly TokenBucket _pairRate = new(options.PairRateBurst, options.PairRateInterval);

    private bool _opened = Began(state, records ?? []);

    /// <summary>The digest of the send being received, for its acceptance: one serialization and hash per send, not two.</summary>
    private (SendCommand Command, string Hash)? _hashed;

    public ConversationKey Key => key;

    /// <summary>
    /// Whether the conversation has begun: its customer wrote, or a message of the business went to Meta. Until then the
    /// business's first message opens it and takes from its WABA's quota of new conversations; scheduling one only plans it.
    /// </summary>
    public bool Opened => _opened;

    public CustomerServiceWindow Window => new(state.LastInboundAt, options.WindowDuration, state.ClosedByMetaAt, options.FreeFormSafetyMargin);

    /// <summary>The message log as this model holds it, oldest first: the stored records folded, and the scheduled sends.</summary>
    public IReadOnlyList<ConversationMessage> Messages => _log;

    private List<ConversationMessage> Log => _log;

    public ConversationOutcome<ConversationSnapshot> RecordInbound(InboundMessage message, DateTimeOffset now)
    {
        if (FieldRules.First(
                () => FieldRules.Required(message.MessageId, "message_id"),
                () => FieldRules.MaxLength(message.MessageId, options.MaxMessageIdLength, "message_id"),
                () => FieldRules.MaxLength(message.Text, options.Content.MaxInboundTextLength, "text", RefusalReason.TextTooLong)) is { } invalid)
        {
            return invalid;
        }

        var id = InboundIds.Of(message.MessageId);
        InboundIds.Upgrade(state, now, options.InboundDedupeWindow, options.InboundIdsRemembered);
        if (InboundIds.Seen(state, id, now, options.InboundDedupeWindow))
        {
            return new(Result<ConversationSnapshot>.Ok(Snapshot(now)));
        }

        var forgotten = InboundIds.Remember(state, id, now, options.InboundDedupeWindow, options.InboundIdsRemembered);
        ReadableInbound.Remember(state, message.MessageId, message.SentAt > now ? now : message.SentAt, now, options.InboundIdsRemembered);
        _opened = true;
        if (message.UserId is { Length: > 0 } userId && !key.IsUserId())
        {
            state.UserId = userId;
        }

        if (message.Phone is { Length: > 0 } phone && key.IsUserId())
        {
            state.Phone = phone;
        }

        if (message.ReferralSourceType is not null && (state.LastReferralAt is null || message.SentAt > state.LastReferralAt))
        {
            state.LastReferralAt = message.SentAt > now ? now : message.SentAt;
        }

        var before = Window;
        var window = CustomerServiceWindow.OpenedBy(message.Type, options.ReactionsOpenWindow) ? before.WithInbound(message.SentAt, now) : before;
        state.LastInboundAt = window.LastInboundAt;
        var events = ImmutableArray.CreateBuilder<PublishedEvent>();
        events.Add(Raise(ConversationEventKind.InboundMessage, now, message.MessageId, inboundType: message.Type.ToString().ToLowerInvariant(), text: message.Text));
        var reminders = ImmutableArray<ReminderChange>.Empty;
        if (window != before && window.IsOpenAt(now))
        {
            // Registering writes to the reminder table, so it happens when a window opens, not on every message.
            if (!state.ExpiryReminderArmed)
            {
                state.ExpiryReminderArmed = true;
                reminders = [ReminderChange.Register(ReminderChange.Expiry, NextExpiryReminderAt(window, now))];
            }

            if (!before.IsOpenAt(now))
            {
                events.Add(Raise(ConversationEventKind.WindowOpened, now));
            }
            else if (window.ExpiresAt > before.ExpiresAt)
            {
                events.Add(Raise(ConversationEventKind.WindowExtended, now));
            }
        }

        return new(Result<ConversationSnapshot>.Ok(Snapshot(now))) { Changed = true, Events = events.ToImmutable(), Reminders = reminders, InboundIdsForgotten = forgotten };
    }

    /// <summary>
    /// Whether the customer's message <paramref name="command"/> names may be marked read now: one this conversation
    /// recorded from the customer, sent less than <see cref="ReadableInbound.MetaLimit"/> ago. Returns when it was sent.
    /// </summary>
    public Result<DateTimeOffset> CheckMarkRead(MarkReadCommand command, DateTimeOffset now)
    {
        if (FieldRules.First(
                () => FieldRules.Required(command.MessageId, "message_id"),
                () => FieldRules.MaxLength(command.MessageId, options.MaxMessageIdLength, "message_id")) is { } invalid)
        {
            return invalid;
        }

        if (ReadableInbound.SentAt(state, command.MessageId) is not { } sentAt)
        {
            return Log.Exists(m => m.Entry.Wamid == command.MessageId)
                ? Refusal.Of(RefusalReason.MessageNotInbound, "The message is one the business sent; only the customer's messages can be marked read.", ("field", "message_id"))
                : Refusal.Of(RefusalReason.MessageNotFound, "This conversation recorded no message of the customer with this id.", ("field", "message_id"));
        }

        if (now - sentAt >= ReadableInbound.MetaLimit)
        {
            return Refusal.Of(
                RefusalReason.MessageTooOldToMarkRead,
                $"The customer's message is older than the {ReadableInbound.MetaLimit.TotalDays:0} days within which WhatsApp lets a business mark it read.",
                ("field", "message_id"),
                ("received_at", Conversations.Abstractions.Rfc3339.Format(sentAt)),
                ("limit", $"{ReadableInbound.MetaLimit.TotalDays:0}d"));
        }

        return Result<DateTimeOffset>.Ok(sentAt);
    }

    /// <summary>
    /// The checks a send passes before any decision: its shape, then its idempotency key (a replay gets the first answer,
    /// other content under the key is refused, a message Meta refused as retryable may go again), then its send time.
    /// Null when the send is to be decided now.
    /// </summary>
    public ConversationOutcome<SendReceipt>? Receive(SendCommand command, DateTimeOffset now)
    {
        if (CheckCommand(command, requireKey: true) is { } invalid)
        {
            return invalid;
        }

        var hash = HashOf(command);
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
            if (Log[earlier].ContentHash != hash)
            {
                return Refusal.Of(
                    RefusalReason.IdempotencyConflict,
                    $"Idempotency key '{command.IdempotencyKey}' was already used for different content (message {entry.MessageId}).",
                    ("idempotency_key", command.IdempotencyKey),
                    ("message_id", entry.MessageId));
            }

            return new(entry is { Status: MessageStatus.Failed, Refusal: { } failure } && entry.ScheduledFor is null
                ? failure
                : Result<SendReceipt>.Ok(Receipt(entry, now, replayed: true)));
        }

        return command.SendAt is { } sendAt && sendAt > now ? Schedule(command, sendAt, hash, now) : null;
    }

    /// <summary>Records a send the admission path allowed, to be written before the grain hands it to Meta.</summary>
    public ConversationOutcome<SendReceipt> Accept(SendCommand command, SendDecision decision, DateTimeOffset now)
    {
        var changed = StartEntryPointOnReply(now);
        _opened = true;
        var accepted = (NewEntry(command, now) with { Status = MessageStatus.Accepted, DecidedAt = now }).Decided(decision);
        changed |= Track(-1, new ConversationMessage(accepted, HashOf(command), Pending: null) { Dispatching = true });
        return new(Result<SendReceipt>.Ok(Receipt(accepted, now, replayed: false)))
        {
            Changed = changed,
            Logged = Logged(),
            Dispatch = Outbound(accepted.MessageId, decision),
        };
    }

    private string HashOf(SendCommand command)
    {
        if (_hashed is not { } hashed || !ReferenceEquals(hashed.Command, command))
        {
            hashed = (command, ContentHash.Of(command));
            _hashed = hashed;
        }

        return hashed.Hash;
    }

    /// <summary>The answer to a send once Meta answered: the receipt, or Meta's refusal when it did not take the message.</summary>
    public Result<SendReceipt> Answer(MessageLogEntry dispatched, DateTimeOffset now) =>
        dispatched.Refusal is { } metaRefusal ? metaRefusal : Result<SendReceipt>.Ok(Receipt(dispatched, now, replayed: false));

    public SendEvaluation Evaluation(SendDecision decision, ChargeEstimate? quote, DateTimeOffset now) =>
        new(decision.Allowed, decision.Kind, decision.Category, decision.UsedFallback, decision.Refusal, Snapshot(now)) { Charge = quote };

    public Refusal? CheckCommand(SendCommand command, bool requireKey) => FieldRules.First(
        () => requireKey ? FieldRules.Required(command.IdempotencyKey, "idempotency_key") : null,
        () => FieldRules.MaxLength(command.IdempotencyKey, options.MaxIdempotencyKeyLength, "idempotency_key"),
        () => command.Content is null ? Refusal.MissingField("content") : null,
        () => SendPolicy.CheckShape(command.Content, options.Content),
        () => command.FallbackTemplate is not null && command.Content is TemplateMessage
            ? FieldRules.Invalid("fallback_template", "free_form_only", "A fallback template only applies to free-form content.")
            : null,
        () => command.FallbackTemplate is { } fallback ? SendPolicy.CheckShape(fallback, options.Content, "fallback_template") : null);

    /// <summary>
    /// Who may receive what a decision allows: marketing only to customers who have not stopped it, are not capped by Meta
    /// and are in a market Meta delivers to, and no customer more often than the pair rate (taken by
    /// <see cref="TakePairToken"/> once every other limit let the message through).
    /// </summary>
    public Refusal? Admits(SendDecision decision, DateTimeOffset now)
    {
        if (AudiencePolicy.IsMarketing(decision.Category)
            && AudiencePolicy.CheckMarketing(key.Customer, state.MarketingOptedOut, state.MarketingSuppressedUntil, now, options.BlockedMarketingRegions) is { } audience)
        {
            return audience;
        }

        if (decision.Category == TemplateCategory.Authentication && Recipient(decision) is var to && CustomerUserId.Is(to))
        {
            return Refusal.Of(
                RefusalReason.UserIdRecipientUnsupported,
                "Authentication templates need the customer's phone number; this customer is known only by a business-scoped user id.",
                ("whatsapp_code", "131062"),
                ("customer_user_id", to));
        }

        var (allowed, retryAfter) = _pairRate.Peek(now);
        return allowed
            ? null
            : Refusal.Of(
                RefusalReason.PairRateLimited,
                $"This customer already received {options.PairRateBurst} messages in a burst; WhatsApp allows one every {options.PairRateInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s after that.",
                ("whatsapp_code", "131056"),
                ("retry_after", AudiencePolicy.Seconds(retryAfter)));
    }

    public void TakePairToken(DateTimeOffset now) => _pairRate.TryTake(now);

    /// <summary>A template outside the window as Meta sees it: what Meta's messaging limit counts.</summary>
    public bool IsBusinessInitiated(SendDecision decision, DateTimeOffset now) =>
        decision.Kind == MessageKind.Template && !Window.IsOpenAt(now);

    /// <summary>
    /// Records Meta's answer to a dispatched message: its wamid and the estimated charge (null when pricing failed, so
    /// <see cref="Unpriced"/> offers it again), or the failure with what the failure says about the customer.
    /// </summary>
    /// <param name="traceParent">The span the message was dispatched in, kept so its statuses can link to it; null when not traced.</param>
    public ConversationOutcome<MessageLogEntry> RecordDispatch(string messageId, DispatchResult result, ChargeEstimate? charge, DateTimeOffset now, string? traceParent = null)
    {
        var index = Log.FindLastIndex(m => m.Entry.MessageId == messageId);
        var entry = Log[index].Entry;
        entry = result.Accepted
            ? entry with { Wamid = result.Wamid, Charge = charge }
            : entry with { Status = MessageStatus.Failed, FailedAt = now, MetaError = result.Error, Refusal = MetaRefusals.Of(result) };
        var wasOpen = Window.IsOpenAt(now);
        var verdict = !result.Accepted && ApplyMetaVerdict(result.Error, now);
        Track(index, Log[index] with { Entry = entry, Dispatching = false, TraceParent = traceParent });
        var closed = result.Accepted ? [] : ClosedByMeta(wasOpen, result.Error, now, entry.MessageId, null);
        return new(Result<MessageLogEntry>.Ok(entry)) { Changed = verdict || !closed.IsEmpty, Logged = Logged(), Events = closed };
    }

    /// <summary>What the ledger prices a message Meta took at <paramref name="at"/>: its kind and category, the window and the free entry point then.</summary>
    public ChargeRequest ChargeRequest(string messageId, DateTimeOffset at)
    {
        var entry = Log[Log.FindLastIndex(m => m.Entry.MessageId == messageId)].Entry;
        return new(key.BusinessNumberId, key.Customer, entry.MessageId, entry.Kind!.Value, entry.TemplateCategory, Window.IsOpenAt(at), EntryPointOpen(at, afterReply: false), at);
    }

    /// <summary>What a dry run would be charged now; it counts the reply it would be for the free entry point.</summary>
    public ChargeRequest QuoteRequest(SendDecision decision, DateTimeOffset now) =>
        new(key.BusinessNumberId, key.Customer, "evaluate." + NewMessageId(), decision.Kind!.Value, decision.Category, Window.IsOpenAt(now), EntryPointOpen(now, afterReply: true), now);

    /// <summary>Messages Meta took whose pricing failed; each is priced at its <see cref="MessageLogEntry.DecidedAt"/>.</summary>
    public ImmutableArray<MessageLogEntry> Unpriced() =>
    [
        .. Log.Where(m => m is { Dispatching: false, Entry: { Wamid: not null, Charge: null, Kind: not null, Status: not MessageStatus.Failed, DecidedAt: not null } })
            .Select(m => m.Entry),
    ];

    public ConversationOutcome<MessageLogEntry> RecordCharge(string messageId, ChargeEstimate charge)
    {
        var index = Log.FindLastIndex(m => m.Entry.MessageId == messageId);
        var priced = Log[index].Entry with { Charge = charge };
        Track(index, Log[index] with { Entry = priced });
        return new(Result<MessageLogEntry>.Ok(priced)) { Logged = Logged() };
    }

    public ConversationOutcome<MessageLogEntry> CancelScheduled(string idempotencyKey, DateTimeOffset now)
    {
        if (FieldRules.Required(idempotencyKey, "idempotency_key") is { } missing)
        {
            return missing;
        }

        var index = MessageLog.FindByKey(Log, idempotencyKey);
        if (index < 0)
        {
            return Refusal.Of(
                RefusalReason.ScheduledSendNotFound,
                $"No send with idempotency key '{FieldRules.Echo(idempotencyKey)}' is known to this conversation.",
                ("idempotency_key", FieldRules.Echo(idempotencyKey)));
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

        var cancelled = entry with { Status = MessageStatus.Cancelled, DecidedAt = now };
        var changed = Track(index, Log[index] with { Entry = cancelled, Pending = null });
        return new(Result<MessageLogEntry>.Ok(cancelled)) { Changed = changed, Logged = Logged() };
    }

    /// <summary>The span the message with this wamid was dispatched in, if it was traced and the log still holds it.</summary>
    public string? TraceParentOf(string wamid) => Log.FindLast(m => m.Entry.Wamid == wamid)?.TraceParent;

    public ConversationOutcome<MessageLogEntry?> RecordStatus(StatusUpdate update, DateTimeOffset now)
    {
        if (FieldRules.Required(update.Wamid, "statuses.id") is { } missing)
        {
            return missing;
        }

        var wasOpen = Window.IsOpenAt(now);
        var index = Log.FindLastIndex(m => m.Entry.Wamid == update.Wamid);
        if (index < 0)
        {
            // A message sent by another tool, or one the bounded log has let go: Meta's verdict on the customer still holds.
            var verdictApplied = ApplyMetaVerdict(update.Error, update.Timestamp);
            var closedUnlogged = ClosedByMeta(wasOpen, update.Error, now, null, update.Wamid);
            return new(Result<MessageLogEntry?>.Ok(null)) { Changed = verdictApplied || !closedUnlogged.IsEmpty, Events = closedUnlogged };
        }

        var before = Log[index].Entry;
        var after = DeliveryProgress.Apply(before, update);
        var verdict = ApplyMetaVerdict(update.Error, update.Timestamp);
        if (after == before)
        {
            var closedAgain = ClosedByMeta(wasOpen, update.Error, now, before.MessageId, update.Wamid);
            return new(Result<MessageLogEntry?>.Ok(before)) { Changed = verdict || !closedAgain.IsEmpty, Events = closedAgain };
        }

        ImmutableArray<PublishedEvent> events = after.Status != before.Status ? [MessageEvent(ConversationEventKind.MessageStatusChanged, after, update.Timestamp)] : [];
        var closed = ClosedByMeta(wasOpen, update.Error, now, after.MessageId, update.Wamid);
        Track(index, Log[index] with { Entry = after });
        return new(Result<MessageLogEntry?>.Ok(after))
        {
            Changed = verdict || !closed.IsEmpty,
            Logged = Logged(),
            Events = events.AddRange(closed),

            // Meta charges on delivery: the ledger of the delivery month learns what Meta says it charged.
            ChargeReported = after is { DeliveredAt: { } deliveredAt, Pricing: { } reported, Charge: { } estimate } && !(before.DeliveredAt is not null && before.Pricing is not null)
                ? new ReportedCharge(key.BusinessNumberId, after.MessageId, estimate, reported, deliveredAt)
                : null,
        };
    }

    public ConversationOutcome<ConversationSnapshot> SetMarketingPreference(bool optedOut, DateTimeOffset at, DateTimeOffset now)
    {
        // Preferences arrive out of order like every webhook: only a newer statement changes the answer.
        if (state.MarketingPreferenceAt is { } known && known >= at)
        {
            return new(Result<ConversationSnapshot>.Ok(Snapshot(now)));
        }

        state.MarketingOptedOut = optedOut;
        state.MarketingPreferenceAt = at;
        return new(Result<ConversationSnapshot>.Ok(Snapshot(now))) { Changed = true };
    }

    public Result<ImmutableArray<MessageLogEntry>> ListMessages(int limit)
    {
        if (limit < 0)
        {
            return FieldRules.Invalid("limit", "non_negative", "limit must be zero (all) or positive.");
        }

        var take = limit == 0 ? Log.Count : Math.Min(limit, Log.Count);
        return Result<ImmutableArray<MessageLogEntry>>.Ok([.. Log.AsEnumerable().Reverse().Take(take).Select(m => m.Entry)]);
    }

    /// <summary>
    /// The expiry reminder ticked. An open window announces "closing soon" once per end and follows the window to its
    /// next point of interest (the customer may have written again since); a closed one records its close once.
    /// </summary>
    public ConversationOutcome<ConversationSnapshot> ExpiryTick(DateTimeOffset now)
    {
        var window = Window;
        if (window.IsOpenAt(now))
        {
            var events = ImmutableArray<PublishedEvent>.Empty;
            if (window.ClosingSoonDueAt(now, options.ClosingSoonLeadTime, state.ClosingSoonAnnouncedFor))
            {
                state.ClosingSoonAnnouncedFor = window.ExpiresAt;
                events = [Raise(ConversationEventKind.WindowClosingSoon, now)];
            }

            return new(Result<ConversationSnapshot>.Ok(Snapshot(now)))
            {
                Changed = !events.IsEmpty,
                Events = events,
                Reminders = [ReminderChange.Register(ReminderChange.Expiry, NextExpiryReminderAt(window, now))],
            };
        }

        if (!state.ExpiryReminderArmed)
        {
            // The close was recorded by an earlier tick whose unregistering failed.
            return new(Result<ConversationSnapshot>.Ok(Snapshot(now))) { Reminders = [ReminderChange.Unregister(ReminderChange.Expiry)] };
        }

        state.ExpiryReminderArmed = false;
        return new(Result<ConversationSnapshot>.Ok(Snapshot(now)))
        {
            Changed = true,
            Events = [Raise(ConversationEventKind.WindowClosed, now)],
            Reminders = [ReminderChange.Unregister(ReminderChange.Expiry)],
        };
    }

    /// <summary>The scheduled sends due at <paramref name="now"/>, earliest first, with the commands to decide them by.</summary>
    public ImmutableArray<(string MessageId, SendCommand Command)> DueScheduled(DateTimeOffset now) =>
        [.. MessageLog.DueAt(Log, now).Select(i => (Log[i].Entry.MessageId, Log[i].Pending!))];

    /// <summary>
    /// Records the decision on a scheduled send at its send time: failed with the refusal, or accepted and marked as being
    /// dispatched (to be written before the grain hands it to Meta).
    /// </summary>
    public ConversationOutcome<MessageLogEntry> DecideScheduled(string messageId, SendDecision decision, DateTimeOffset now)
    {
        var index = Log.FindLastIndex(m => m.Entry.MessageId == messageId);
        var message = Log[index];
        var entry = decision.Refusal is { } refusal
            ? message.Entry with { Status = MessageStatus.Failed, DecidedAt = now, Refusal = refusal }
            : (message.Entry with { Status = MessageStatus.Accepted, DecidedAt = now }).Decided(decision);
        Track(index, message with { Entry = entry, Pending = null, Dispatching = decision.Allowed });
        if (decision.Allowed)
        {
            StartEntryPointOnReply(now);
            _opened = true;
        }

        return new(Result<MessageLogEntry>.Ok(entry)) { Changed = true, Logged = Logged(), Dispatch = decision.Allowed ? Outbound(messageId, decision) : null };
    }

    /// <summary>The event that tells subscribers how a scheduled send ended up, once Meta answered it.</summary>
    public PublishedEvent ScheduledSendDecided(MessageLogEntry entry, DateTimeOffset now) =>
        MessageEvent(ConversationEventKind.ScheduledSendDecided, entry, now);

    /// <summary>The scheduled-send reminder after a tick: due at the next scheduled send, or gone when none is left.</summary>
    public ReminderChange ScheduledSendsReminder() =>
        MessageLog.NextScheduled(Log) is { } next
            ? ReminderChange.Register(ReminderChange.ScheduledSends, next)
            : ReminderChange.Unregister(ReminderChange.ScheduledSends);

    /// <summary>
    /// On activation: a message found mid-dispatch means the silo died during the call to Meta. It is never resent
    /// blindly (delivery stays at most once): it fails with an unknown outcome. Returns the ids it failed.
    /// </summary>
    public ConversationOutcome<ImmutableArray<string>> ResolveInterruptedDispatches(DateTimeOffset now)
    {
        var interrupted = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < Log.Count; i++)
        {
            if (!Log[i].Dispatching)
            {
                continue;
            }

            var unknown = DispatchResult.Failed(
                MetaErrorClass.OutcomeUnknown,
                new MetaError(0, "The silo stopped while this message was being sent; it was not resent.", null));
            Track(i, Log[i] with
            {
                Dispatching = false,
                Entry = Log[i].Entry with { Status = MessageStatus.Failed, FailedAt = now, MetaError = unknown.Error, Refusal = MetaRefusals.Of(unknown) },
            });
            interrupted.Add(Log[i].Entry.MessageId);
        }

        return new(Result<ImmutableArray<string>>.Ok(interrupted.ToImmutable())) { Logged = Logged() };
    }

    /// <summary>
    /// The reminders state says should exist: an open window always has its expiry reminder (without one it would never
    /// record its close), and undecided scheduled sends have theirs. Changed when the window's reminder was not yet armed:
    /// the grain must register it rather than look it up.
    /// </summary>
    public ConversationOutcome<ConversationSnapshot> RequiredReminders(DateTimeOffset now)
    {
        var required = ImmutableArray.CreateBuilder<ReminderChange>();
        var window = Window;
        var arming = false;
        if (window.IsOpenAt(now))
        {
            required.Add(ReminderChange.Register(ReminderChange.Expiry, window.ExpiresAt!.Value));
            arming = !state.ExpiryReminderArmed;
            state.ExpiryReminderArmed = true;
        }

        if (MessageLog.NextScheduled(Log) is { } next)
        {
            required.Add(ReminderChange.Register(ReminderChange.ScheduledSends, next));
        }

        return new(Result<ConversationSnapshot>.Ok(Snapshot(now))) { Changed = arming, Reminders = required.ToImmutable() };
    }

    /// <summary>
    /// The first step of erasing the conversation: the ids of every message it holds, and its scheduled sends taken out
    /// of the state with both reminders dropped, so that once this is written none of them can be sent, however the rest
    /// of the erasure goes.
    /// </summary>
    public ConversationOutcome<ErasureScope> StartErasure()
    {
        var scope = new ErasureScope([.. Log.Select(m => m.Entry.MessageId)], MessageLog.ScheduledCount(Log));
        var changed = state.Scheduled.Count > 0;
        state.Scheduled.Clear();
        return new(Result<ErasureScope>.Ok(scope))
        {
            Changed = changed,
            Reminders = [ReminderChange.Unregister(ReminderChange.Expiry), ReminderChange.Unregister(ReminderChange.ScheduledSends)],
        };
    }

    /// <summary>Why nothing can happen in a conversation whose business number was never registered.</summary>
    public Refusal UnknownBusinessNumber() => Refusal.Of(
        RefusalReason.UnknownBusinessNumber,
        $"Business number {key.BusinessNumberId} is not registered; register it with its WABA first.",
        ("business_number_id", key.BusinessNumberId));

    public ConversationSnapshot Snapshot(DateTimeOffset now)
    {
        var window = Window;
        var open = window.AllowsFreeFormAt(now);

        // Derived, never read back from the reminder's record: a late inbound or the safety margin must show the same instant Send reports.
        return new ConversationSnapshot(key.BusinessNumberId, key.Customer, open, window.ExpiresAt, state.LastInboundAt, open ? null : window.ClosesAt)
        {
            MarketingOptedOut = state.MarketingOptedOut,
            MarketingSuppressedUntil = state.MarketingSuppressedUntil,
            LastReferralAt = state.LastReferralAt,
            LinkedCustomer = LinkedCustomer,
        };
    }

    /// <summary>The customer's id other than the key's: the BSUID of a phone-keyed conversation, the phone of a BSUID-keyed one.</summary>
    private string? LinkedCustomer => key.IsUserId() ? state.Phone : state.UserId;

    /// <summary>
    /// Where Meta is to deliver a decided message: the key's id (a BSUID goes in Meta's recipient field), except that an
    /// authentication template needs the phone number a BSUID-keyed conversation may know (Meta's 131062 otherwise).
    /// </summary>
    private string Recipient(SendDecision decision) =>
        decision.Category == TemplateCategory.Authentication && key.IsUserId() && state.Phone is { } phone ? phone : key.Customer;

    private ConversationOutcome<SendReceipt> Schedule(SendCommand command, DateTimeOffset sendAt, string hash, DateTimeOffset now)
    {
        if (sendAt - now > options.MaxScheduleAhead)
        {
            return FieldRules.Invalid(
                "send_at",
                "max_ahead",
                $"send_at may be at most {options.MaxScheduleAhead.TotalDays.ToString(CultureInfo.InvariantCulture)} days ahead.");
        }

        if (MessageLog.ScheduledCount(Log) >= options.MaxScheduledSends)
        {
            return Refusal.Of(
                RefusalReason.TooManyScheduledSends,
                $"This conversation already holds {options.MaxScheduledSends} scheduled sends.",
                ("limit", FieldRules.Invariant(options.MaxScheduledSends)));
        }

        var nextBefore = MessageLog.NextScheduled(Log);
        var scheduled = NewEntry(command, now) with { Status = MessageStatus.Scheduled, ScheduledFor = sendAt };
        Track(-1, new ConversationMessage(scheduled, hash, command));
        return new(Result<SendReceipt>.Ok(Receipt(scheduled, now, replayed: false)))
        {
            Changed = true,
            Reminders = nextBefore is null || sendAt < nextBefore ? [ReminderChange.Register(ReminderChange.ScheduledSends, sendAt)] : [],
        };
    }

    /// <summary>What Meta's error codes say about this customer, beyond the one message; true when that changed the state.</summary>
    private bool ApplyMetaVerdict(MetaError? error, DateTimeOffset at)
    {
        switch (error?.Code)
        {
            case MetaErrorCodes.ReEngagement:
                // Meta says the window is closed: believe it until the customer writes again.
                state.ClosedByMetaAt = at;
                return true;
            case MetaErrorCodes.EcosystemEngagement:
                state.MarketingSuppressedUntil = at + options.MarketingSuppression;
                return true;
            case MetaErrorCodes.MarketingOptedOut:
                state.MarketingOptedOut = true;
                state.MarketingPreferenceAt = at;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// WINDOW_CLOSED, now, when Meta's 131047 closed a window that was open by our clock (<paramref name="wasOpen"/>,
    /// before the verdict), with Meta's error as the cause. The expiry reminder is disarmed, so the window's old end
    /// raises no second close; the customer's next message arms it again.
    /// </summary>
    private ImmutableArray<PublishedEvent> ClosedByMeta(bool wasOpen, MetaError? error, DateTimeOffset now, string? messageId, string? wamid)
    {
        if (!wasOpen || error is not { Code: MetaErrorCodes.ReEngagement } closedBy || Window.IsOpenAt(now))
        {
            return [];
        }

        state.ExpiryReminderArmed = false;
        var cause = Refusal.Of(
            RefusalReason.WindowClosed,
            $"WhatsApp closed the customer service window: {closedBy.Title} (131047).",
            [("whatsapp_code", "131047"), ("meta_title", closedBy.Title), .. closedBy.Details is { Length: > 0 } details ? [("meta_details", details)] : Array.Empty<(string, string)>()]);
        return [Raise(ConversationEventKind.WindowClosed, now, messageId, wamid, refusal: cause)];
    }

    private DateTimeOffset NextExpiryReminderAt(CustomerServiceWindow window, DateTimeOffset now) =>
        window.NextReminderAt(now, options.ClosingSoonLeadTime, state.ClosingSoonAnnouncedFor)!.Value;

    /// <summary>
    /// A customer who came from an ad or Page button gets a 72 h free entry point, opened by the business's first reply
    /// within the 24 h window that the referral opened.
    /// </summary>
    private bool StartEntryPointOnReply(DateTimeOffset now)
    {
        if (!EntryPointReplyPending(now))
        {
            return false;
        }

        state.EntryPointOpenedAt = now;
        return true;
    }

    /// <summary>
    /// Puts a message's new version in the log (<paramref name="index"/> -1 appends it). A scheduled send lives in the
    /// state until it is decided; every other version becomes a record for the store. True when the state changed:
    /// the scheduled sends, or the log started (the state says so before the store holds its first record).
    /// </summary>
    private bool Track(int index, ConversationMessage message)
    {
        if (index < 0)
        {
            MessageLog.Append(Log, message, options.MessageLogCapacity);
        }
        else
        {
            Log[index] = message;
        }

        var changed = !state.LogStarted;
        state.LogStarted = true;
        var scheduledAt = state.Scheduled.FindIndex(m => m.Entry.MessageId == message.Entry.MessageId);
        if (message.Entry.Status == MessageStatus.Scheduled)
        {
            if (scheduledAt >= 0)
            {
                state.Scheduled[scheduledAt] = message;
            }
            else
            {
                state.Scheduled.Add(message);
            }

            return true;
        }

        if (scheduledAt >= 0)
        {
            state.Scheduled.RemoveAt(scheduledAt);
            changed = true;
        }

        _unlogged.Add(message);
        return changed;
    }

    /// <summary>The records a step leaves: each changed message once, at its latest version, stamped with the event sequence.</summary>
    private ImmutableArray<ConversationMessage> Logged()
    {
        var records = _unlogged
            .Where((m, i) => _unlogged.FindLastIndex(later => later.Entry.MessageId == m.Entry.MessageId) == i)
            .Select(m => m with { Sequence = state.EventSequence })
            .ToImmutableArray();
        _unlogged.Clear();
        return records;
    }

    /// <summary>The log as stored, with the event sequence its records carry: status changes publish without writing the state.</summary>
    private static List<ConversationMessage> Restore(ConversationState state, IReadOnlyCollection<ConversationMessage> records, ConversationOptions options)
    {
        if (records.Count > 0)
        {
            state.EventSequence = Math.Max(state.EventSequence, records.Max(r => r.Sequence));
        }

        return MessageLog.Fold(records, state.Scheduled, options.MessageLogCapacity);
    }

    /// <summary>
    /// <see cref="Opened"/> as stored: an inbound seen, or a record of a message Meta took, refused or may have got. A log
    /// of only scheduled sends, or of sends refused before Meta, has not begun.
    /// </summary>
    private static bool Began(ConversationState state, IEnumerable<ConversationMessage> records) =>
        state.LastInboundAt is not null
        || state.InboundSeen.Length > 0
        || state.InboundReadable.Length > 0
        || state.RecentInbound.Count > 0
        || state.RecentInboundIds.Count > 0
        || records.Any(r => r.Dispatching
            || r.Entry.Wamid is not null
            || r.Entry.MetaError is not null
            || r.Entry.Status is MessageStatus.Accepted or MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Read);

    private bool EntryPointReplyPending(DateTimeOffset now) =>
        state.LastReferralAt is { } referral
        && now < referral + options.WindowDuration
        && (state.EntryPointOpenedAt is not { } opened || opened < referral);

    /// <summary>Whether the free entry point covers a message at <paramref name="now"/>; a dry run counts the reply it would be.</summary>
    private bool EntryPointOpen(DateTimeOffset now, bool afterReply) =>
        (afterReply && EntryPointReplyPending(now))
        || (state.EntryPointOpenedAt is { } opened && now < opened + options.FreeEntryPointDuration);

    /// <summary>Numbers and builds an event; the grain publishes it only after the state write that records its sequence succeeded.</summary>
    private PublishedEvent Raise(
        ConversationEventKind kind,
        DateTimeOffset at,
        string? messageId = null,
        string? wamid = null,
        MessageStatus? status = null,
        Refusal? refusal = null,
        string? inboundType = null,
        string? text = null) =>
        new(key.BusinessNumberId, key.Customer, ++state.EventSequence, kind, at)
        {
            LinkedCustomer = LinkedCustomer,
            WindowExpiresAt = Window.ExpiresAt,
            MessageId = messageId,
            Wamid = wamid,
            Status = status,
            Refusal = refusal,
            InboundType = inboundType,
            Text = text,
        };

    private PublishedEvent MessageEvent(ConversationEventKind kind, MessageLogEntry entry, DateTimeOffset at) =>
        Raise(kind, at, entry.MessageId, entry.Wamid, entry.Status, entry.Refusal);

    private OutboundMessage Outbound(string messageId, SendDecision decision) =>
        new(key.BusinessNumberId, Recipient(decision), decision.ToSend!, messageId);

    private static bool IsRetryable(MessageLogEntry entry) =>
        entry.Status == MessageStatus.Failed
        && entry.Refusal?.Reason is RefusalReason.MetaRateLimited or RefusalReason.MetaUnavailable;

    private static MessageLogEntry NewEntry(SendCommand command, DateTimeOffset now) => new(
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

    private static string NewMessageId() => "cnv." + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
}
