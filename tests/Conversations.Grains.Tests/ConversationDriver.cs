using System.Collections.Immutable;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Testing;
using Orleans.Runtime;

namespace Conversations.Grains.Tests;

/// <summary>A fresh business number with its own WABA and customer, and the verbs the tests speak in.</summary>
public sealed class ConversationDriver(ClusterFixture fixture, string? customer = null)
{
    public string BusinessNumberId { get; } = TestNumbers.BusinessNumberId();

    public string WabaId { get; } = TestNumbers.WabaId();

    public string Customer { get; } = customer ?? TestNumbers.Customer();

    public IConversationGrain Grain => fixture.Grains.GetGrain<IConversationGrain>(new ConversationKey(BusinessNumberId, Customer).ToString());

    public DateTimeOffset Now => fixture.Clock.GetUtcNow();

    public static async Task<ConversationDriver> Registered(ClusterFixture fixture, string? customer = null)
    {
        var driver = new ConversationDriver(fixture, customer);
        var registered = await fixture.Grains.GetGrain<IBusinessNumberGrain>(driver.BusinessNumberId).Register(driver.WabaId);
        Assert.True(registered.Succeeded, registered.Refusal?.Message);
        return driver;
    }

    public Task<Result<ConversationSnapshot>> Inbound(DateTimeOffset sentAt, string? messageId = null, InboundMessageType type = InboundMessageType.Text) =>
        Grain.RecordInbound(new InboundMessage(messageId ?? $"wamid.{Guid.NewGuid():N}", sentAt, type, "hello"));

    public async Task<ConversationSnapshot> InboundNow(string? messageId = null) => Ok(await Inbound(Now, messageId));

    public Task<Result<SendReceipt>> SendText(string body = "Thanks, we are on it.", string? key = null) =>
        Grain.Send(new SendCommand(key ?? Guid.NewGuid().ToString(), new TextMessage(body)));

    public Task<Result<SendReceipt>> SendTemplate(string name, string language = "en_US", string? key = null, params string[] parameters) =>
        Grain.Send(new SendCommand(
            key ?? Guid.NewGuid().ToString(),
            new TemplateMessage(name, language, [.. parameters], ImmutableSortedDictionary<string, string>.Empty)));

    public Task<Result<SendReceipt>> Send(SendCommand command) => Grain.Send(command);

    public static SendCommand Text(string body = "Thanks, we are on it.", string? key = null) =>
        new(key ?? Guid.NewGuid().ToString(), new TextMessage(body));

    public static TemplateMessage TemplateOf(string name, params string[] parameters) =>
        new(name, "en_US", [.. parameters], ImmutableSortedDictionary<string, string>.Empty);

    public async Task<ImmutableArray<MessageLogEntry>> Messages(int limit = 0) => Ok(await Grain.ListMessages(limit));

    public async Task<TemplateDefinition> Template(string name, string body, TemplateStatus status = TemplateStatus.Approved, string language = "en_US", TemplateCategory category = TemplateCategory.Utility) =>
        Ok(await fixture.Grains.GetGrain<ITemplateRegistryGrain>(WabaId).Upsert(new TemplateDraft(name, language, category, status, body))).Template;

    public async Task<ConversationSnapshot> Get() => Ok(await Grain.Get());

    public void Advance(TimeSpan by) => fixture.Clock.Advance(by);

    /// <summary>Whether the window's expiry reminder is registered, read from the reminder table.</summary>
    public Task<bool> ExpiryReminderArmed() =>
        ReminderRows.ConversationExpiryArmed(fixture.Cluster, new ConversationKey(BusinessNumberId, Customer).ToString());

    /// <summary>
    /// Moves the clock and returns once the grain has handled the tick of <paramref name="reminder"/> that fired, so a test
    /// can then show the tick changed nothing without sleeping.
    /// </summary>
    public async Task AdvanceThroughTick(TimeSpan by, string reminder)
    {
        var handled = fixture.ReminderTicks.Next(Grain.GetGrainId(), reminder);
        Advance(by);
        await handled.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Forces every idle activation off the silo, so the next call reads what storage holds.</summary>
    public async Task Deactivate() =>
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    public static T Ok<T>(Result<T> result)
    {
        Assert.True(result.Succeeded, result.Refusal?.Message);
        return result.Value!;
    }

    public static Refusal Refused<T>(Result<T> result, RefusalReason reason)
    {
        Assert.False(result.Succeeded, $"expected {reason}, but it succeeded");
        Assert.Equal(reason, result.Refusal!.Reason);
        return result.Refusal;
    }
}
