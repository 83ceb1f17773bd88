using System.Collections.Immutable;

namespace Conversations.Abstractions.Messages;

[GenerateSerializer, Immutable]
[Alias("contacts-message")]
public sealed record ContactsMessage([property: Id(0)] ImmutableArray<ContactCard> Contacts) : FreeFormContent
{
    public override string TypeName => "contacts";
}
