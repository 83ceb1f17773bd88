namespace Conversations.Abstractions.Templates;

/// <summary>Persisted: never renumber.</summary>
[GenerateSerializer]
[Alias("button-type")]
public enum ButtonType
{
    QuickReply = 1,
    Url = 2,
    PhoneNumber = 3,
    CopyCode = 4,
    Otp = 5,
}
