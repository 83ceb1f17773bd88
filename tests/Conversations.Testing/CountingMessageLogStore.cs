using System.Collections.Concurrent;
using System.Collections.Immutable;
using Conversations.Grains;
using Conversations.Grains.Conversation;
using Microsoft.Extensions.Options;

namespace Conversations.Testing;

/// <summary>The in-memory message log store, counting the appends (writes) and records each conversation received.</summary>
public sealed class CountingMessageLogStore(IOptions<ConversationOptions> options) : IMessageLogStore
{
    private readonly InMemoryMessageLogStore _inner = new(options);
    private readonly ConcurrentDictionary<string, (int Appends, int Records)> _counts = new(StringComparer.Ordinal);

    /// <summary>Appends and records so far for the conversation with this grain key.</summary>
    public (int Appends, int Records) Of(string conversation) => _counts.GetValueOrDefault(conversation);

    public Task<ImmutableArray<ConversationMessage>> Read(string conversation, CancellationToken cancellationToken) =>
        _inner.Read(conversation, cancellationToken);

    public Task Append(string conversation, ImmutableArray<ConversationMessage> records, CancellationToken cancellationToken)
    {
        _counts.AddOrUpdate(conversation, (1, records.Length), (_, c) => (c.Appends + 1, c.Records + records.Length));
        return _inner.Append(conversation, records, cancellationToken);
    }

    public Task Delete(string conversation, CancellationToken cancellationToken) => _inner.Delete(conversation, cancellationToken);
}
