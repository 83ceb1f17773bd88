namespace Conversations.Grains.Identity;

[GenerateSerializer]
[Alias("customer-directory-state")]
public sealed class CustomerDirectoryState
{
    /// <summary>Phone numbers linked to a customer whose conversations are keyed by another id.</summary>
    [Id(0)] public long RedirectedPhones { get; set; }
}
