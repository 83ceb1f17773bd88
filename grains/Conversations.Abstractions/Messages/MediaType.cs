namespace Conversations.Abstractions.Messages;

/// <summary>Persisted: never renumber.</summary>
[GenerateSerializer]
[Alias("media-type")]
public enum MediaType
{
    Image = 1,
    Audio = 2,
    Video = 3,
    Document = 4,
    Sticker = 5,
}
