using System.Collections.Immutable;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Orleans.Concurrency;

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

    /// <summary>What <see cref="Send"/> would decide now, with no side effect.</summary>
    [Alias("evaluate"), ReadOnly]
    Task<Result<SendEvaluation>> Evaluate(SendCommand command, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks one of the customer's messages recorded by this conversation read at Meta, with a typing indicator when asked.
    /// Refused for one of the business's own messages, an id never recorded here, or a message older than Meta allows.
    /// Never a business message: nothing is charged, counted against the messaging limit or paced, and nothing is stored.
    /// </summary>
    [Alias("mark-read")]
    Task<Result<MarkedRead>> MarkRead(MarkReadCommand command, CancellationToken cancellationToken = default);

    /// <summary>Cancels a scheduled send that has not been decided yet.</summary>
    [Alias("cancel-scheduled")]
    Task<Result<MessageLogEntry>> CancelScheduled(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a status webhook to the message with that wamid: forward only (accepted, sent, delivered, read), except to
    /// failed; a read without delivered implies delivered. Returns the entry, or null for a wamid this conversation does not hold.
    /// </summary>
    [Alias("record-status")]
    Task<Result<MessageLogEntry?>> RecordStatus(Meta.StatusUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a webhook's statuses for this conversation, in order, with one write: one answer per update, as
    /// <see cref="RecordStatus"/> would give it. Every change is stored before it returns.
    /// </summary>
    [Alias("record-statuses")]
    Task<Result<ImmutableArray<Result<MessageLogEntry?>>>> RecordStatuses(ImmutableArray<Meta.StatusUpdate> updates, CancellationToken cancellationToken = default);

    /// <summary>The customer stopped or resumed marketing from this business (user_preferences webhook).</summary>
    [Alias("set-marketing-preference")]
    Task<Result<ConversationSnapshot>> SetMarketingPreference(bool optedOut, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The most recent messages, newest first.</summary>
    [Alias("list-messages"), ReadOnly]
    Task<Result<ImmutableArray<MessageLogEntry>>> ListMessages(int limit, CancellationToken cancellationToken = default);

    [Alias("get"), ReadOnly]
    Task<Result<ConversationSnapshot>> Get(CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases the conversation for the customer's right to erasure: its state, reminders (scheduled sends are cancelled,
    /// never sent), message log, idempotency and inbound dedupe records, its events in the number's feed, the usage
    /// ledger's markers of its messages and the customer's messaging-limit reach entry in the number's portfolio; then
    /// the activation goes. Runs in the grain's turn, so a send in flight to Meta finishes (and is erased) first. A
    /// conversation that holds nothing succeeds with zero counts.
    /// </summary>
    [Alias("erase")]
    Task<Result<CustomerErasure>> Erase(CancellationToken cancellationToken = default);
}
