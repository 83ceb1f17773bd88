using System.Collections.Concurrent;
using System.Collections.Immutable;
using Conversations.Abstractions.DeadLetters;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.DeadLetters;

/// <summary>The embedded, non-durable store: each number's dead letters in a capped list in this process.</summary>
public sealed class InMemoryDeadLetterStore(IOptions<ConversationOptions> options) : IDeadLetterStore
{
    private readonly int _capacity = options.Value.DeadLettersPerNumber;
    private readonly ConcurrentDictionary<string, List<DeadLetter>> _letters = new(StringComparer.Ordinal);

    public Task Append(string businessNumberId, DeadLetter letter, CancellationToken cancellationToken)
    {
        var letters = _letters.GetOrAdd(businessNumberId, _ => []);
        lock (letters)
        {
            letters.Add(letter);
            if (letters.Count > _capacity)
            {
                letters.RemoveRange(0, letters.Count - _capacity);
            }
        }

        return Task.CompletedTask;
    }

    public Task<ImmutableArray<DeadLetter>> Newest(string businessNumberId, int limit, CancellationToken cancellationToken)
    {
        if (!_letters.TryGetValue(businessNumberId, out var letters))
        {
            return Task.FromResult(ImmutableArray<DeadLetter>.Empty);
        }

        lock (letters)
        {
            return Task.FromResult(letters.AsEnumerable().Reverse().Take(limit).ToImmutableArray());
        }
    }

    public Task<int> Erase(string businessNumberId, string customer, CancellationToken cancellationToken)
    {
        if (!_letters.TryGetValue(businessNumberId, out var letters))
        {
            return Task.FromResult(0);
        }

        lock (letters)
        {
            return Task.FromResult(letters.RemoveAll(letter => letter.Names(customer)));
        }
    }
}
