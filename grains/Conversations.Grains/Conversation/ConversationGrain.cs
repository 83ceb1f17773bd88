using System.Collections.Immutable;
using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Events;
using Conversations.Grains.Pricing;
using Conversations.Grains.Sending;
using Conversations.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Conversation;

/// <summary>
/// One (business number, customer) conversation: identity, storage, I/O and ordering around the <see cref="Conversation"/>
/// model, which owns every rule. Each call checks identity, asks the model, performs the I/O it names, writes, then publishes.
/// The expiry reminder only records that the window closed; every decision compares persisted timestamps with the clock.
/// </summary>
[GrainType("conversation")]
public sealed class ConversationGrain(
    [PersistentState("conversation", StorageNames.Conversations)] IPersistentState<ConversationState> state,
    IMessageLogStore messageLog,
    IEventFeedStore eventFeed,
    GrainReferences grains,
    UsageLedgers ledgers,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    IWhatsAppSender sender,
    IEnumerable<IConversationEventSink> eventSinks,
    GrainMetrics metrics,
    ILogger<ConversationGrain> logger)
    : Grain, IConversationGrain, IRemindable, IIncomingGrainCallFilter
{
    /// <summary>How long a conversation trusts the number profile it read: a moved number's conversations follow it within this.</summary>
    public static readonly TimeSpan ProfileLifetime = TimeSpan.FromMinutes(1);

    private readonly ConversationOptions _options = options.Value;
    private readonly IConversationEventSink[] _eventSinks = [.. eventSinks];
    private Result<ConversationKey>? _identity;
    private Conversation? _model;
    private BusinessNumberProfile? _profile;
    private DateTimeOffset _profileReadAt;
    private SendAdmission? _admission;
    private bool _logStartedStored;

    /// <summary>The grain key, checked once per activation: it never changes, and every call asks.</summary>
    private Result<ConversationKey> Identity => _identity ??= ConversationKey.FromGrainKey(this.GetPrimaryKeyString());

    /// <summary>Built on activation from the state and, once the conversation has sent anything, its message log.</summary>
    private Conversation Model => _model!;

    private ConversationKey Key => Model.Key;

    /// <summary>The one admission path for Send, Evaluate and scheduled sends; built once the profile is known.</summary>
    private SendAdmission Admission => _admission ??= SendAdmission.Over(new GrainSendLimits(grains, _profile!, Key.Customer, _options.QualityGuard, metrics: metrics), _options, time);

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The conversation as logs show it: the customer's number masked.</summary>
    private string Masked => $"{Key.BusinessNumberId}/{CustomerNumber.Mask(Key.Customer)}";

    /// <summary>Repairs what a crash may have left: a message mid-dispatch, a missed charge, a reminder row lost in a partial Redis restore.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Identity.Succeeded)
        {
            return; // Every call to a malformed key is refused, so it never stored anything to repair.
        }

        await MoveLegacyLog(cancellationToken);
        _logStartedStored = state.State.LogStarted;
        var records = _logStartedStored ? await messageLog.Read(this.GetPrimaryKeyString(), cancellationToken) : [];
        _model = new Conversation(Identity.Value!, state.State, _options, records);
        var now = Now;
        var resolved = Model.ResolveInterruptedDispatches(now);
        if (resolved.Answer.Value is { IsEmpty: false } interrupted)
        {
            logger.LogWarning("Messages {MessageIds} were interrupted mid-send; marked failed with an unknown outcome", interrupted);
            await Write(resolved.Changed, resolved.Logged, cancellationToken);
        }

        await SettleUnpricedMessages(cancellationToken);
        var required = Model.RequiredReminders(now);
        foreach (var reminder in required.Reminders)
        {
            // The reminder row is looked up only where state claims it exists: an unarmed window's expiry is registered anyway.
            if ((required.Changed && reminder.Name == ReminderChange.Expiry) || !await this.Has(reminder.Name))
            {
                await Remind(reminder);
            }
        }

        await Commit(required.Changed, [], [], cancellationToken);
    }

    /// <summary>
    /// Every call changes state in memory before it writes, with awaits between. If anything throws, memory no longer
    /// matches storage and a retry would answer from what was never stored: dropping the activation makes it start from storage.
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

    public async Task<Result<ConversationSnapshot>> RecordInbound(InboundMessage message, CancellationToken cancellationToken = default) =>
        await CheckIdentity(cancellationToken) ?? await Perform(Model.RecordInbound(message, Now), cancellationToken);

    public async Task<Result<SendReceipt>> Send(SendCommand command, CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } refusal)
        {
            metrics.Refused(refusal, command.Content?.Kind, null);
            return refusal;
        }

        await SettleUnpricedMessages(cancellationToken);
        var now = Now;
        if (Model.Receive(command, now) is { } answered)
        {
            return await Perform(answered, cancellationToken);
        }

        var decision = await Decide(command, now, cancellationToken);
        if (decision.Refusal is { } notAllowed)
        {
            return notAllowed;
        }

        var accepted = Model.Accept(command, decision, now);
        await Write(accepted.Changed, accepted.Logged, cancellationToken);

        // From here the caller's cancellation is not ours to honour: the call to Meta completes (bounded by the Cloud API
        // client's own timeouts) and its wamid is recorded, so a retry with the same key gets it instead of "unknown".
        return Model.Answer(await Dispatch(accepted.Dispatch!, CancellationToken.None), now);
    }

    public async Task<Result<SendEvaluation>> Evaluate(SendCommand command, CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var now = Now;
        var decision = Model.CheckCommand(command, requireKey: false) is { } invalid
            ? SendDecision.Refused(invalid)
            : await Admission.Decide(Model, command.Content, command.FallbackTemplate, now, dryRun: true, cancellationToken);
        var quote = decision.Allowed ? await Ledger(now).Quote(Model.QuoteRequest(decision, now), cancellationToken) : null;
        return Result<SendEvaluation>.Ok(Model.Evaluation(decision, quote, now));
    }

    public async Task<Result<MarkedRead>> MarkRead(MarkReadCommand command, CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var now = Now;
        var sentAt = Model.CheckMarkRead(command, now);
        if (!sentAt.Succeeded)
        {
            return sentAt.Refusal!;
        }

        // Not a business message: no pace slot, no messaging limit, no charge, and nothing this conversation stores.
        var answer = await sender.MarkRead(new ReadReceipt(Key.BusinessNumberId, command.MessageId, command.TypingIndicator), cancellationToken);
        if (!answer.Succeeded)
        {
            return MetaRefusals.Of(answer.ErrorClass ?? MetaErrorClass.Permanent, answer.Error!, "WhatsApp did not mark the message read");
        }

        return Result<MarkedRead>.Ok(new MarkedRead(command.MessageId, command.TypingIndicator, sentAt.Value, now));
    }

    public async Task<Result<MessageLogEntry>> CancelScheduled(string idempotencyKey, CancellationToken cancellationToken = default) =>
        await CheckIdentity(cancellationToken) ?? await Perform(Model.CancelScheduled(idempotencyKey, Now), cancellationToken);

    public async Task<Result<MessageLogEntry?>> RecordStatus(StatusUpdate update, CancellationToken cancellationToken = default)
    {
        var recorded = await RecordStatuses([update], cancellationToken);
        return recorded.Succeeded ? recorded.Value[0] : recorded.Refusal!;
    }

    public async Task<Result<ImmutableArray<Result<MessageLogEntry?>>>> RecordStatuses(ImmutableArray<StatusUpdate> updates, CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        // One write for the whole batch: each changed message once, at its latest version, and the events after it.
        var answers = ImmutableArray.CreateBuilder<Result<MessageLogEntry?>>(updates.Length);
        var logged = ImmutableArray.CreateBuilder<ConversationMessage>();
        var events = ImmutableArray.CreateBuilder<PublishedEvent>();
        var changed = false;
        foreach (var update in updates)
        {
            using var span = ConversationActivities.Source.HasListeners() ? ConversationActivities.Status(update, Model.TraceParentOf(update.Wamid)) : null;
            var outcome = Model.RecordStatus(update, Now);
            if (outcome.ChargeReported is { } reported)
            {
                await Ledger(reported.DeliveredAt).RecordReported(reported, cancellationToken);
            }

            answers.Add(outcome.Answer);
            logged.AddRange(outcome.Logged);
            events.AddRange(outcome.Events);
            changed |= outcome.Changed;
        }

        await Commit(changed, logged.ToImmutable(), events.ToImmutable(), cancellationToken);
        return Result<ImmutableArray<Result<MessageLogEntry?>>>.Ok(answers.MoveToImmutable());
    }

    public async Task<Result<ConversationSnapshot>> SetMarketingPreference(bool optedOut, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await CheckIdentity(cancellationToken) ?? await Perform(Model.SetMarketingPreference(optedOut, at, Now), cancellationToken);

    public async Task<Result<ImmutableArray<MessageLogEntry>>> ListMessages(int limit, CancellationToken cancellationToken = default) =>
        await CheckIdentity(cancellationToken) ?? Model.ListMessages(limit);

    public async Task<Result<ConversationSnapshot>> Get(CancellationToken cancellationToken = default) =>
        await CheckIdentity(cancellationToken) ?? Result<ConversationSnapshot>.Ok(Model.Snapshot(Now));

    /// <summary>
    /// Erases the conversation. Non-reentrant like every call here, it waits for a send in flight to Meta to record its
    /// answer, then erases that message with the rest. The scheduled sends leave the stored state first, so none can go
    /// out even if a later step fails; every step is idempotent, so a retry finishes what a failed erasure began.
    /// </summary>
    public async Task<Result<CustomerErasure>> Erase(CancellationToken cancellationToken = default)
    {
        if (await CheckIdentity(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var existed = state.RecordExists;
        var started = Model.StartErasure();
        var scope = started.Answer.Value!;
        await Write(started.Changed, [], cancellationToken);

        // Begun, the erasure is finished whatever the caller does: the rest only deletes, and a half-erased conversation helps nobody.
        await RemindAll(started.Reminders);
        var (markers, reach) = (0, false);
        foreach (var portfolio in await PortfoliosToErase())
        {
            markers += await ledgers.For(UsageLedgerKey.Of(portfolio, Now)).Forget(scope.MessageIds, CancellationToken.None);
            reach |= await grains.Get<ICustomerReachGrain>(new CustomerReachKey(portfolio, Key.Customer).ToString()).Forget(CancellationToken.None);
        }

        var events = await eventFeed.Erase(Key.BusinessNumberId, Key.Customer, CancellationToken.None);
        var deadLetters = await grains.Get<IDeadLetterGrain>(Key.BusinessNumberId).Erase(Key.Customer, CancellationToken.None);
        await messageLog.Delete(this.GetPrimaryKeyString(), CancellationToken.None);
        await state.ClearStateAsync(CancellationToken.None);
        var erasure = new CustomerErasure(Key.BusinessNumberId, Key.Customer, existed, scope.MessageIds.Length, scope.ScheduledSends, events, markers, reach)
        {
            DeadLetters = deadLetters,
        };

        // Nothing of it stays in memory either: until the activation goes, calls see a conversation that never was.
        _model = new Conversation(Key, state.State, _options);
        _logStartedStored = false;
        DeactivateOnIdle();
        logger.LogInformation(
            "Erased {Conversation}: {Messages} messages ({Scheduled} scheduled), {Events} events, {Markers} usage markers, messaging limit reach {Reach}, {DeadLetters} dead letters",
            Masked,
            erasure.Messages,
            erasure.ScheduledSendsCancelled,
            erasure.Events,
            erasure.UsageMarkers,
            erasure.MessagingLimitReach,
            erasure.DeadLetters);
        return Result<CustomerErasure>.Ok(erasure);
    }

    /// <summary>
    /// The portfolio the number belongs to now and, if the number moved within <see cref="ProfileLifetime"/>, the one
    /// this conversation still sent under: its usage markers and the customer's reach entry may be in either.
    /// </summary>
    private async Task<IEnumerable<string>> PortfoliosToErase()
    {
        var current = await grains.Get<IBusinessNumberGrain>(Key.BusinessNumberId).GetProfile(CancellationToken.None);
        return new[] { _profile!.PortfolioId, current?.PortfolioId }.OfType<string>().Distinct(StringComparer.Ordinal);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        metrics.ReminderFired(reminderName);
        return OnReminder(reminderName);
    }

    private Task OnReminder(string reminderName) => reminderName switch
    {
        ReminderChange.Expiry => OnExpiryTick(),
        ReminderChange.ScheduledSends => OnScheduledSendsTick(),
        _ => Task.CompletedTask,
    };

    /// <summary>A tick writes before it moves or drops its reminder: if the write fails, the next tick retries it.</summary>
    private async Task OnExpiryTick()
    {
        var outcome = Model.ExpiryTick(Now);
        await Commit(outcome.Changed, outcome.Logged, outcome.Events, CancellationToken.None);
        if (outcome.Events.Any(e => e.Kind == ConversationEventKind.WindowClosed))
        {
            logger.LogInformation("Customer service window of {Conversation} closed at {ClosedAt}", Masked, Model.Window.ExpiresAt);
        }

        await RemindAll(outcome.Reminders);
    }

    /// <summary>Decides every scheduled send that is due, at its send time and against the window as it is then.</summary>
    private async Task OnScheduledSendsTick()
    {
        var now = Now;
        var due = Model.DueScheduled(now);
        if (!due.IsEmpty && await CheckIdentity(CancellationToken.None) is { } identityRefusal)
        {
            logger.LogError("Scheduled sends of {Conversation} cannot be decided: {Reason}", Masked, identityRefusal.Message);
            return;
        }

        var events = ImmutableArray.CreateBuilder<PublishedEvent>();
        foreach (var (messageId, command) in due)
        {
            var decision = await Decide(command, now, CancellationToken.None);
            var decided = Model.DecideScheduled(messageId, decision, now);
            var entry = decided.Answer.Value!;
            await Write(decided.Changed, decided.Logged, CancellationToken.None);
            if (decided.Dispatch is { } dispatch)
            {
                entry = await Dispatch(dispatch, CancellationToken.None);
            }

            events.Add(Model.ScheduledSendDecided(entry, now));
            logger.LogInformation("Scheduled send {MessageId} of {Conversation} decided {Status}", entry.MessageId, Masked, entry.Status);
        }

        await Commit(events.Count > 0, [], events.ToImmutable(), CancellationToken.None);
        await Remind(Model.ScheduledSendsReminder());
    }

    /// <summary>Hands Meta a message whose intent is written, then records its answer; a failed call is an unknown outcome, never resent.</summary>
    private async Task<MessageLogEntry> Dispatch(OutboundMessage message, CancellationToken cancellationToken)
    {
        DispatchResult result;
        try
        {
            result = await sender.Send(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Sending {MessageId} to Meta failed unexpectedly", message.MessageId);
            result = DispatchResult.Failed(MetaErrorClass.OutcomeUnknown, new MetaError(0, "The call to WhatsApp failed unexpectedly.", e.GetType().Name));
        }

        var now = Now;
        var charge = result.Accepted ? await TryCharge(message.MessageId, now) : null;
        var recorded = Model.RecordDispatch(message.MessageId, result, charge, now, ConversationActivities.CurrentTraceParent());
        await Commit(recorded.Changed, recorded.Logged, recorded.Events, CancellationToken.None);
        var entry = recorded.Answer.Value!;
        metrics.Dispatched(result, entry.Kind, entry.TemplateCategory);
        return entry;
    }

    /// <summary>The admission of a real (not dry-run) send, timed and counted when metrics are on.</summary>
    private async Task<SendDecision> Decide(SendCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timed = metrics.TimesDecisions;
        var started = timed ? time.GetTimestamp() : 0;
        var decision = await Admission.Decide(Model, command.Content, command.FallbackTemplate, now, dryRun: false, cancellationToken);
        if (timed)
        {
            metrics.Decided(decision.Allowed, time.GetElapsedTime(started));
        }

        if (decision.Refusal is { } refusal)
        {
            metrics.Refused(refusal, decision.Kind ?? command.Content?.Kind, decision.Category);
        }

        return decision;
    }

    /// <summary>Prices a message Meta took; on failure it stays unpriced and is priced again (idempotently) on the next call.</summary>
    private async Task<ChargeEstimate?> TryCharge(string messageId, DateTimeOffset at)
    {
        try
        {
            return await Ledger(at).Charge(Model.ChargeRequest(messageId, at), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Pricing {MessageId} failed; it stays accepted and is priced again on the next call", messageId);
            return null;
        }
    }

    /// <summary>Prices the messages Meta took whose pricing failed, at the time they were accepted.</summary>
    private async Task SettleUnpricedMessages(CancellationToken cancellationToken)
    {
        var priced = ImmutableArray.CreateBuilder<ConversationMessage>();
        foreach (var entry in Model.Unpriced())
        {
            if (await TryCharge(entry.MessageId, entry.DecidedAt!.Value) is { } charge)
            {
                priced.AddRange(Model.RecordCharge(entry.MessageId, charge).Logged);
            }
        }

        await Write(false, priced.ToImmutable(), cancellationToken);
    }

    /// <summary>A call's outcome: reminders before the write (state never claims a reminder that is not there), then the ledger, the write and the events.</summary>
    private async Task<Result<T>> Perform<T>(ConversationOutcome<T> outcome, CancellationToken cancellationToken)
    {
        if (outcome.InboundIdsForgotten > 0)
        {
            logger.LogWarning(
                "{Conversation} remembers at most {Capacity} inbound ids; forgot the {Forgotten} oldest before their dedupe window ended, so their redeliveries would be taken again",
                Masked,
                _options.InboundIdsRemembered,
                outcome.InboundIdsForgotten);
        }

        await RemindAll(outcome.Reminders);
        if (outcome.ChargeReported is { } reported)
        {
            await Ledger(reported.DeliveredAt).RecordReported(reported, cancellationToken);
        }

        await Commit(outcome.Changed, outcome.Logged, outcome.Events, cancellationToken);
        return outcome.Answer;
    }

    /// <summary>Writes, then publishes: an event goes out only after the write that records its sequence succeeded.</summary>
    private async Task Commit(bool changed, ImmutableArray<ConversationMessage> logged, ImmutableArray<PublishedEvent> events, CancellationToken cancellationToken)
    {
        await Write(changed, logged, cancellationToken);

        if (!events.IsEmpty)
        {
            metrics.Published(events);
            await EventSinkPublishing.PublishEach(_eventSinks, [.. events], (e, conversationEvent) => logger.LogWarning(
                e, "Publishing event {Sequence} of {Conversation} failed", conversationEvent.Sequence, Masked));
        }
    }

    private Task RemindAll(ImmutableArray<ReminderChange> reminders) => this.Apply(reminders, PeriodOf, time);

    private Task Remind(ReminderChange reminder) => this.Apply([reminder], PeriodOf, time);

    private TimeSpan PeriodOf(string reminder) => reminder == ReminderChange.Expiry ? _options.ExpiryReminderPeriod : _options.ScheduledSendReminderPeriod;

    /// <summary>
    /// Appends a step's records to the message log, then writes the state when it changed. The state goes first only while
    /// the stored state does not yet say the log started: a record the state does not admit would never be read back.
    /// Otherwise the log goes first, so a scheduled send leaves the state only once the log records its decision.
    /// </summary>
    private async Task Write(bool changed, ImmutableArray<ConversationMessage> logged, CancellationToken cancellationToken)
    {
        if (!logged.IsEmpty && !_logStartedStored)
        {
            await Persist(cancellationToken);
            changed = false;
        }

        if (!logged.IsEmpty)
        {
            await messageLog.Append(this.GetPrimaryKeyString(), logged, cancellationToken);
        }

        if (changed)
        {
            await Persist(cancellationToken);
        }
    }

    private async Task Persist(CancellationToken cancellationToken)
    {
        await state.WriteStateAsync(cancellationToken);
        _logStartedStored = state.State.LogStarted;
    }

    /// <summary>A state written before the log had its own store still carries the log: the store takes it, the state lets go.</summary>
    private async Task MoveLegacyLog(CancellationToken cancellationToken)
    {
        if (state.State.Messages.Count == 0)
        {
            return;
        }

        var legacy = state.State.Messages;
        var scheduled = legacy.Where(m => m.Entry.Status == MessageStatus.Scheduled).ToList();
        ImmutableArray<ConversationMessage> decided = [.. legacy.Where(m => m.Entry.Status != MessageStatus.Scheduled).Select(m => m with { Sequence = state.State.EventSequence })];
        if (!decided.IsEmpty)
        {
            await messageLog.Append(this.GetPrimaryKeyString(), decided, cancellationToken);
        }

        state.State.Scheduled.AddRange(scheduled.Where(m => state.State.Scheduled.All(s => s.Entry.MessageId != m.Entry.MessageId)));
        state.State.Messages = [];
        state.State.LogStarted = true;
        await Persist(cancellationToken);
    }

    /// <summary>Refuses a malformed key or an unregistered business number before any state is touched.</summary>
    private async Task<Refusal?> CheckIdentity(CancellationToken cancellationToken)
    {
        if (!Identity.Succeeded)
        {
            return Identity.Refusal;
        }

        if (_profile is null || Now - _profileReadAt >= ProfileLifetime)
        {
            var profile = await grains.Get<IBusinessNumberGrain>(Key.BusinessNumberId).GetProfile(cancellationToken);
            if (profile != _profile)
            {
                // The admission's limits belong to the number's portfolio and WABA: a moved number gets new ones.
                _profile = profile;
                _admission = null;
            }

            _profileReadAt = Now;
        }

        return _profile is null ? Model.UnknownBusinessNumber() : null;
    }

    private UsageLedger Ledger(DateTimeOffset at) => ledgers.For(UsageLedgerKey.Of(_profile!.PortfolioId, at));
}
