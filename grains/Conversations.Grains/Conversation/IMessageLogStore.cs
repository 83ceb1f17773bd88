using System.Collections.Immutable;

namespace Conversations.Grains.Conversation;

/// <summary>
/// Where a conversation's message log lives, outside its state: an append-only, capped list of records, each the whole
/// latest version of one message. A send appends its intent and its result; a batch of statuses appends one record per
/// message it changed. Nothing is rewritten, so what a send writes does not grow with the log.
/// </summary>
public interface IMessageLogStore
{
    /// <summary>Every retained record of the conversation, oldest first.</summary>
    Task<ImmutableArray<ConversationMessage>> Read(string conversation, CancellationToken cancellationToken);

    /// <summary>Appends the records, in order, as one write; returns once they are stored.</summary>
    Task Append(string conversation, ImmutableArray<ConversationMessage> records, CancellationToken cancellationToken);

    /// <summary>Deletes every record of the conversation (right to erasure); nothing to delete is no error.</summary>
    Task Delete(string conversation, CancellationToken cancellationToken);
}
