using System.Collections.Immutable;
using Conversations.Abstractions.DeadLetters;
using Conversations.Abstractions.Grains;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.DeadLetters;

/// <summary>
/// One business number's dead letters. It holds no state of its own: the store keeps the letters, this grain bounds
/// what one letter may weigh and orders one number's appends.
/// </summary>
[GrainType("dead-letters")]
public sealed class DeadLetterGrain(IDeadLetterStore store, IOptions<ConversationOptions> options) : Grain, IDeadLetterGrain
{
    private readonly ConversationOptions _options = options.Value;

    public Task Record(DeadLetter letter, CancellationToken cancellationToken = default) =>
        store.Append(this.GetPrimaryKeyString(), Bounded(letter, _options.DeadLetterEventChars), cancellationToken);

    public Task<ImmutableArray<DeadLetter>> List(int limit, CancellationToken cancellationToken = default) =>
        store.Newest(this.GetPrimaryKeyString(), limit, cancellationToken);

    public Task<int> Erase(string customer, CancellationToken cancellationToken = default) =>
        store.Erase(this.GetPrimaryKeyString(), customer, cancellationToken);

    /// <summary>The letter with its event cut to <paramref name="maxChars"/>, so a 3 MB payload cannot fill the store.</summary>
    public static DeadLetter Bounded(DeadLetter letter, int maxChars) =>
        letter.Event.Length <= maxChars ? letter : letter with { Event = letter.Event[..maxChars], Truncated = true };
}
