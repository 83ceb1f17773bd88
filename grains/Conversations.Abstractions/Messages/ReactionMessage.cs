namespace Conversations.Abstractions.Messages;

/// <summary>A reaction to a message; an empty emoji removes the reaction, as in Meta's API.</summary>
[GenerateSerializer, Immutable]
[Alias("reaction-message")]
public sealed record ReactionMessage([property: Id(0)] string MessageId, [property: Id(1)] string Emoji) : FreeFormContent
{
    public override string TypeName => "reaction";
}
