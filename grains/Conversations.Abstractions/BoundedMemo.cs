using System.Collections.Concurrent;

namespace Conversations.Abstractions;

/// <summary>
/// The answers of a pure function of a string, remembered until <see cref="Capacity"/> keys are held, then all
/// forgotten at once: a bound on memory with no bookkeeping per hit, for inputs (customer numbers) that repeat.
/// </summary>
public sealed class BoundedMemo<T>(int capacity = BoundedMemo<T>.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;

    private readonly ConcurrentDictionary<string, T> _answers = new(StringComparer.Ordinal);
    private int _added;

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A memo holds at least one answer.");

    /// <summary>How many answers are held now.</summary>
    public int Count => _answers.Count;

    public T GetOrAdd(string key, Func<string, T> compute)
    {
        if (_answers.TryGetValue(key, out var known))
        {
            return known;
        }

        var answer = compute(key);
        if (Interlocked.Increment(ref _added) > Capacity)
        {
            _answers.Clear();
            Interlocked.Exchange(ref _added, 1);
        }

        _answers[key] = answer;
        return answer;
    }
}
