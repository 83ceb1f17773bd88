using Conversations.Abstractions.Identity;
using Orleans.Concurrency;

namespace Conversations.Abstractions.Grains;

/// <summary>
/// One entry of a business portfolio's identity directory, keyed "{portfolio id}/{customer id}" (<see cref="CustomerIdentityKey"/>):
/// a BSUID's entry knows the customer's phone number once a webhook showed both; a phone number has an entry only once
/// it is linked to a BSUID. Every id of one customer answers the same <see cref="CustomerIdentity"/>.
/// </summary>
[Alias("customer-identity-grain")]
public interface ICustomerIdentityGrain : IGrainWithStringKey
{
    /// <summary>
    /// On a BSUID's entry: the customer wrote or was reported with this BSUID, and with <paramref name="phone"/> when Meta
    /// showed it too. Records the BSUID (and links the phone) the first time and answers the customer's identity: its
    /// canonical id is the phone when both arrived together or the phone was linked first, the BSUID when it came alone.
    /// </summary>
    [Alias("observe")]
    Task<CustomerIdentity> Observe(string? phone, CancellationToken cancellationToken = default);

    /// <summary>The customer this id names, or null when the directory never saw it.</summary>
    [Alias("find"), ReadOnly]
    Task<CustomerIdentity?> Find(CancellationToken cancellationToken = default);

    /// <summary>On a phone number's entry: the number now belongs to this identity (written by the BSUID's entry).</summary>
    [Alias("link")]
    Task Link(CustomerIdentity identity, CancellationToken cancellationToken = default);
}
