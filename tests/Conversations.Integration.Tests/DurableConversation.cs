using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Testing;

namespace Conversations.Integration.Tests;

/// <summary>One (business number, customer) conversation of a <see cref="DurableService"/>, in the verbs the tests speak.</summary>
public sealed class DurableConversation(DurableService service, string businessNumberId, string customer)
{
    public ConversationKey Key { get; } = new(businessNumberId, customer);

    /// <summary>Where the Redis provider keeps this conversation: ServiceId, the pinned grain type and key, then the state name.</summary>
    public string StateKey => $"{service.ServiceId}/state/conversation/{Key}/conversation";

    public IConversationGrain Grain => service.Grains.GetGrain<IConversationGrain>(Key.ToString());

    public DateTimeOffset Now => service.Clock.GetUtcNow();

    public Task<Result<ConversationSnapshot>> Inbound(string messageId) => Inbound(messageId, Now);

    /// <summary>A customer message the customer sent at <paramref name="sentAt"/>; webhooks arrive late and out of order.</summary>
    public Task<Result<ConversationSnapshot>> Inbound(string messageId, DateTimeOffset sentAt) =>
        Grain.RecordInbound(new InboundMessage(messageId, sentAt, InboundMessageType.Text, "hello"));

    public async Task<ConversationSnapshot> InboundNow() => Outcome.Ok(await Inbound($"wamid.{Guid.NewGuid():N}"));

    public Task<Result<SendReceipt>> SendText(string idempotencyKey, string body) =>
        Grain.Send(new SendCommand(idempotencyKey, new TextMessage(body)));

    public async Task<ConversationSnapshot> Get() => Outcome.Ok(await Grain.Get());

    /// <summary>Whether the window's expiry reminder is registered, read from the reminder table in Redis.</summary>
    public Task<bool> ExpiryReminderArmed() => ReminderRows.ConversationExpiryArmed(service.Cluster, Key.ToString());

    public override string ToString() => Key.ToString();
}
