namespace Conversations.Abstractions.Messages;

[GenerateSerializer, Immutable]
[Alias("text-message")]
public sealed record TextMessage([property: Id(0)] string Body) : MessageContent
{
    public override MessageKind Kind => MessageKind.FreeForm;

    public override string Fingerprint() => $"text\n{Body}";
}
