namespace Conversations.Abstractions.Templates;

/// <summary>Persisted: never renumber.</summary>
[GenerateSerializer]
[Alias("header-format")]
public enum HeaderFormat
{
    Text = 1,
    Image = 2,
    Video = 3,
    Document = 4,
}
