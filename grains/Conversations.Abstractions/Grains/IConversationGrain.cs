using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;

namespace Conversations.Abstractions.Grains;

/// <summary>
/// One (business phone number id, customer) pair, keyed by <see cref="Identity.ConversationKey"/>.
/// It owns the customer service window and decides every send itself.
/// </summary>
[Alias("conversation")]
public interface IConversationGrain : IGrainWithStringKey
{
    [Alias("record-inbound")]
    Task<Result<ConversationSnapshot>> RecordInbound(InboundMessage message, CancellationToken cancellationToken = default);

    [Alias("send")]
    Task<Result<SendReceipt>> Send(SendCommand command, CancellationToken cancellationToken = default);

    [Alias("get")]
    Task<Result<ConversationSnapshot>> Get(CancellationToken cancellationToken = default);
}
