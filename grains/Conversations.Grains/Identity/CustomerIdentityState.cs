using Conversations.Abstractions.Identity;

namespace Conversations.Grains.Identity;

[GenerateSerializer]
[Alias("customer-identity-state")]
public sealed class CustomerIdentityState
{
    /// <summary>The customer this entry's id names; null until the directory saw it.</summary>
    [Id(0)] public CustomerIdentity? Identity { get; set; }
}
