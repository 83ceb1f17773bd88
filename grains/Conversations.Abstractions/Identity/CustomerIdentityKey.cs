namespace Conversations.Abstractions.Identity;

/// <summary>
/// The key of a CustomerIdentityGrain: "{portfolio id}/{customer id}", the id a wa_id or a BSUID. BSUIDs are scoped to a
/// business portfolio, so the directory is too. Part of every stored key: never change its format.
/// </summary>
public sealed record CustomerIdentityKey(string PortfolioId, string Customer)
{
    public static CustomerIdentityKey Parse(string grainKey)
    {
        var (portfolioId, customer) = GrainKeyParts.Split(grainKey, "customer identity");
        return new CustomerIdentityKey(portfolioId, customer);
    }

    public override string ToString() => $"{PortfolioId}/{Customer}";
}
