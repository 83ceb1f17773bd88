using System.Collections.Immutable;
using Conversations.Abstractions.DeadLetters;
using Orleans.Concurrency;

namespace Conversations.Abstractions.Grains;

/// <summary>The webhook events of one business number (keyed by its id) that were acknowledged but could not be applied.</summary>
[Alias("dead-letters")]
public interface IDeadLetterGrain : IGrainWithStringKey
{
    /// <summary>Keeps the event, dropping the number's oldest past the configured count; returns once it is stored.</summary>
    [Alias("record")]
    Task Record(DeadLetter letter, CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="limit"/> events, newest first.</summary>
    [Alias("list"), ReadOnly]
    Task<ImmutableArray<DeadLetter>> List(int limit, CancellationToken cancellationToken = default);

    /// <summary>Removes every kept event that names <paramref name="customer"/>, for their erasure; returns how many.</summary>
    [Alias("erase")]
    Task<int> Erase(string customer, CancellationToken cancellationToken = default);
}
