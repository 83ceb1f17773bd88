using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Conversation;

/// <summary>The embedded, non-durable store: each conversation's records in a capped list in this process, like its state.</summary>
public sealed class InMemoryMessageLogStore(IOptions<ConversationOptions> options) : IMessageLogStore
{
    private readonly int _capacity = options.Value.MessageLogRecords;
    private readonly ConcurrentDictionary<string, List<ConversationMessage>> _logs = new(StringComparer.Ordinal);

    public Task<ImmutableArray<ConversationMessage>> Read(string conversation, CancellationToken cancellationToken)
    {
        if (!_logs.TryGetValue(conversation, out var log))
        {
            return Task.FromResult(ImmutableArray<ConversationMessage>.Empty);
        }

        lock (log)
        {
            return Task.FromResult(log.ToImmutableArray());
        }
    }

    public Task Append(string conversation, ImmutableArray<ConversationMessage> records, CancellationToken cancellationToken)
    {
        var log = _logs.GetOrAdd(conversation, _ => []);
        lock (log)
        {
            log.AddRange(records);
            if (log.Count > _capacity)
            {
                log.RemoveRange(0, log.Count - _capacity);
            }
        }

        return Task.CompletedTask;
    }

    public Task Delete(string conversation, CancellationToken cancellationToken)
    {
        _logs.TryRemove(conversation, out _);
        return Task.CompletedTask;
    }
}
