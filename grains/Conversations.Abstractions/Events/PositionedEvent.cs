namespace Conversations.Abstractions.Events;

/// <summary>A conversation event as its business number's event hub logged it: <see cref="Position"/> orders all events of the number.</summary>
[GenerateSerializer, Immutable]
[Alias("positioned-event")]
public sealed record PositionedEvent(
    [property: Id(0)] long Position,
    [property: Id(1)] PublishedEvent Event);
