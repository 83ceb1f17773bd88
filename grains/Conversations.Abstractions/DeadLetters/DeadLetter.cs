namespace Conversations.Abstractions.DeadLetters;

/// <summary>
/// A webhook event the api acknowledged to Meta but could not apply: kept with why, and the event as Meta sent it
/// (cut to <see cref="Truncated"/> length when it was larger), so an operator can see what was not recorded.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("dead-letter")]
public sealed record DeadLetter(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Detail,
    [property: Id(3)] string Event,
    [property: Id(4)] DateTimeOffset ReceivedAt)
{
    /// <summary>Whether <see cref="Event"/> is the start of a longer event.</summary>
    [Id(5)] public bool Truncated { get; init; }

    /// <summary>
    /// Whether the letter holds <paramref name="customer"/>'s id: as a JSON string in the event (<c>"from"</c>,
    /// <c>"wa_id"</c>, <c>"recipient_id"</c>, ...) or in the detail. Erasing a customer removes every such letter.
    /// </summary>
    public bool Names(string customer) =>
        Event.Contains($"\"{customer}\"", StringComparison.Ordinal) || Detail.Contains(customer, StringComparison.Ordinal);
}
