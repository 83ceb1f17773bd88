using Orleans.Concurrency;

namespace Conversations.Abstractions.Grains;

/// <summary>
/// A business portfolio's identity directory as a whole (keyed by portfolio id): how many phone numbers reach a
/// conversation keyed by a BSUID. While none does, a phone number is its own conversation's key, so the api resolves
/// phone-only calls without asking any entry.
/// </summary>
[Alias("customer-directory-grain")]
public interface ICustomerDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Phone numbers of the portfolio linked to a customer whose conversations are keyed by their BSUID.</summary>
    [Alias("redirected-phones"), ReadOnly]
    Task<long> RedirectedPhones(CancellationToken cancellationToken = default);

    /// <summary>Counts one more such phone number (called once per link by the BSUID's entry).</summary>
    [Alias("phone-redirected")]
    Task PhoneRedirected(CancellationToken cancellationToken = default);
}
