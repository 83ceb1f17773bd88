using System.Collections.Immutable;
using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Conversation;
using Conversations.Grains.Sending;
using Conversations.Grains.Signals;
using Microsoft.Extensions.Time.Testing;

namespace Conversations.Grains.Tests.Model;

/// <summary>
/// One conversation model over plain state, with its admission path over in-memory shared limits: no cluster, no
/// reminders, just the rules and timestamps. <see cref="Now"/> only moves when a test says so.
/// </summary>
public sealed class ModelDriver
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public const string BusinessNumberId = "106540352242922";

    public ModelDriver(ConversationOptions? options = null, string customer = "447911123456")
    {
        Options = options ?? new ConversationOptions();
        Model = new Grains.Conversation.Conversation(new ConversationKey(BusinessNumberId, customer), State, Options);
        Admission = SendAdmission.Over(Limits, Options, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(T0);

    public DateTimeOffset Now => Clock.GetUtcNow();

    public ConversationOptions Options { get; }

    public ConversationState State { get; } = new();

    public Grains.Conversation.Conversation Model { get; }

    public FakeSendLimits Limits { get; } = new();

    public SendAdmission Admission { get; }

    public void Advance(TimeSpan by) => Clock.Advance(by);

    public ConversationOutcome<ConversationSnapshot> Inbound(DateTimeOffset sentAt, string? messageId = null, InboundMessageType type = InboundMessageType.Text, string? referral = null) =>
        Model.RecordInbound(new InboundMessage(messageId ?? $"wamid.{Guid.NewGuid():N}", sentAt, type, "hello") { ReferralSourceType = referral }, Now);

    public ConversationOutcome<ConversationSnapshot> InboundNow(string? messageId = null) => Inbound(Now, messageId);

    public Task<SendDecision> Decide(SendCommand command, bool dryRun = false) =>
        Admission.Decide(Model, command.Content, command.FallbackTemplate, Now, dryRun, CancellationToken.None);

    /// <summary>A send as the grain runs it, up to the call to Meta: receive, admit, accept. Returns the accepted outcome or the refusal.</summary>
    public async Task<ConversationOutcome<SendReceipt>> Send(SendCommand command)
    {
        if (Model.Receive(command, Now) is { } answered)
        {
            return answered;
        }

        var decision = await Decide(command);
        return decision.Refusal is { } refusal ? refusal : Model.Accept(command, decision, Now);
    }

    /// <summary>A send that Meta then answered with <paramref name="result"/>; returns what the caller is told.</summary>
    public async Task<Result<SendReceipt>> SendAnswered(SendCommand command, Abstractions.Meta.DispatchResult result)
    {
        var outcome = await Send(command);
        if (outcome.Dispatch is not { } dispatch)
        {
            return outcome.Answer;
        }

        return Model.Answer(Model.RecordDispatch(dispatch.MessageId, result, charge: null, Now).Answer.Value!, Now);
    }

    public void Approve(string name, TemplateCategory category = TemplateCategory.Utility, TemplateStatus status = TemplateStatus.Approved) =>
        Limits.Templates[name] = new TemplateDefinition("waba", name, "en_US", category, status, "Your order has shipped.", ParameterFormat.None, [], T0);

    public static SendCommand Text(string key = "k1", string body = "Thanks, we are on it.") => new(key, new TextMessage(body));

    public static TemplateMessage Template(string name) => new(name, "en_US", [], ImmutableSortedDictionary<string, string>.Empty);

    public static SendCommand TemplateSend(string name, string key = "t1") => new(key, Template(name));

    public static T Ok<T>(Result<T> result) => ConversationDriver.Ok(result);

    public static Refusal Refused<T>(Result<T> result, RefusalReason reason) => ConversationDriver.Refused(result, reason);
}

/// <summary>
/// The shared limits in memory: templates by name, a pace that answers what a test sets, a messaging limit and a quota
/// of new conversations that count calls.
/// </summary>
public sealed class FakeSendLimits : ITemplateSource, IPacer, IMessagingLimit, IConversationQuota, IAccountGuard
{
    /// <summary>The number as its account signals left it: in good standing and GREEN unless a test says otherwise.</summary>
    public BusinessNumberProfile Profile { get; set; } = new("106540352242922", "102290129340398", "102290129340398", 80, QualityRating.Green);

    public QualityGuardOptions Guard { get; } = new();

    /// <summary>What the slowed marketing rate answers; null lets the send go.</summary>
    public Refusal? MarketingPaceReached { get; set; }

    public Dictionary<string, TemplateDefinition> Templates { get; } = [];

    public PaceSlot Slot { get; set; } = new(true, ModelDriver.T0, TimeSpan.Zero, 80, TimeSpan.Zero);

    public Result<CustomerReach> Reach { get; set; } = Result<CustomerReach>.Ok(new CustomerReach(ReachOutcome.Counted, ModelDriver.T0));

    public int Reserved { get; private set; }

    public int PacePeeks { get; private set; }

    public int Counted { get; private set; }

    /// <summary>The slots admission waited for; the wait itself is the pacer's, on the wire's clock, so here it ends at once.</summary>
    public List<PaceSlot> WaitedFor { get; } = [];

    /// <summary>The calls to the shared limits, in order.</summary>
    public List<string> Calls { get; } = [];

    public int ReachPeeks { get; private set; }

    /// <summary>What the WABA's quota of new conversations answers; null lets the conversation open.</summary>
    public Refusal? QuotaReached { get; set; }

    public int QuotaTaken { get; private set; }

    public int QuotaPeeks { get; private set; }

    public Task<TemplateLookup> Find(TemplateMessage template, CancellationToken cancellationToken) =>
        Task.FromResult(new TemplateLookup(Templates.GetValueOrDefault(template.Name), []));

    public Task<PaceSlot> Reserve(CancellationToken cancellationToken)
    {
        Reserved++;
        Calls.Add("reserve slot");
        return Task.FromResult(Slot);
    }

    Task<PaceSlot> IPacer.Peek(CancellationToken cancellationToken)
    {
        PacePeeks++;
        Calls.Add("peek pace");
        return Task.FromResult(Slot);
    }

    /// <summary>How many of the next waits miss their slot.</summary>
    public int SlotsToMiss { get; set; }

    public Task<bool> WaitFor(PaceSlot slot, TimeSpan tolerance, CancellationToken cancellationToken)
    {
        WaitedFor.Add(slot);
        Calls.Add("wait for slot");
        return Task.FromResult(SlotsToMiss-- <= 0);
    }

    public Task<PaceSlot> ReplaceMissed(CancellationToken cancellationToken)
    {
        Calls.Add("replace missed slot");
        return Task.FromResult(Slot);
    }

    public Task<Result<CustomerReach>> Count(CancellationToken cancellationToken)
    {
        Counted++;
        Calls.Add("count customer");
        return Task.FromResult(Reach);
    }

    Task<Result<CustomerReach>> IMessagingLimit.Peek(CancellationToken cancellationToken)
    {
        ReachPeeks++;
        Calls.Add("peek reach");
        return Task.FromResult(Reach);
    }

    public Task<Refusal?> Take(CancellationToken cancellationToken)
    {
        QuotaTaken++;
        Calls.Add("take new conversation");
        return Task.FromResult(QuotaReached);
    }

    Task<Refusal?> IConversationQuota.Peek(CancellationToken cancellationToken)
    {
        QuotaPeeks++;
        Calls.Add("peek new conversations");
        return Task.FromResult(QuotaReached);
    }

    public (Refusal? Refusal, bool Slowed) Check(SendDecision decision, bool businessInitiated, DateTimeOffset now)
    {
        var (refusal, action) = AccountGuard.Check(Profile, decision, businessInitiated, now, Guard);
        return (refusal, action == QualityGuardAction.Slow);
    }

    public Task<Refusal?> PaceMarketing(bool dryRun, CancellationToken cancellationToken)
    {
        Calls.Add(dryRun ? "peek marketing pace" : "take marketing pace");
        return Task.FromResult(MarketingPaceReached);
    }
}
