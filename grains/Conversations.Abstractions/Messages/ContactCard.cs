using System.Collections.Immutable;

namespace Conversations.Abstractions.Messages;

[GenerateSerializer, Immutable]
[Alias("contact-card")]
public sealed record ContactCard(
    [property: Id(0)] string FormattedName,
    [property: Id(1)] ImmutableArray<string> Phones,
    [property: Id(2)] ImmutableArray<string> Emails);
