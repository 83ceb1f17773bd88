using System.Collections.Immutable;
using Conversations.Abstractions.DeadLetters;

namespace Conversations.Grains.DeadLetters;

/// <summary>Where each business number's dead letters live: an append-only list capped at <see cref="ConversationOptions.DeadLettersPerNumber"/>.</summary>
public interface IDeadLetterStore
{
    Task Append(string businessNumberId, DeadLetter letter, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> retained letters, newest first.</summary>
    Task<ImmutableArray<DeadLetter>> Newest(string businessNumberId, int limit, CancellationToken cancellationToken);

    /// <summary>Removes every letter that <see cref="DeadLetter.Names"/> the customer; returns how many.</summary>
    Task<int> Erase(string businessNumberId, string customer, CancellationToken cancellationToken);
}
