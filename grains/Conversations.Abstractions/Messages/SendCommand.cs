namespace Conversations.Abstractions.Messages;

/// <summary>
/// A send as the caller asked for it. Outside the window the fallback template goes instead of free-form content;
/// with <see cref="SendAt"/> in the future the conversation holds it and decides at that time.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("send-command")]
public sealed record SendCommand([property: Id(0)] string IdempotencyKey, [property: Id(1)] MessageContent Content)
{
    [Id(2)] public TemplateMessage? FallbackTemplate { get; init; }

    [Id(3)] public DateTimeOffset? SendAt { get; init; }
}
