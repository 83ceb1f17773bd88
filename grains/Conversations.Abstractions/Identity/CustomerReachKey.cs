namespace Conversations.Abstractions.Identity;

/// <summary>
/// The key of a CustomerReachGrain: "{portfolio id}/{customer wa_id}", one customer as one portfolio's messaging limit
/// sees it. Part of every stored key: never change its format.
/// </summary>
public sealed record CustomerReachKey(string PortfolioId, string Customer)
{
    public static CustomerReachKey Parse(string grainKey)
    {
        var (portfolioId, customer) = GrainKeyParts.Split(grainKey, "customer reach");
        return new CustomerReachKey(portfolioId, customer);
    }

    public override string ToString() => $"{PortfolioId}/{Customer}";
}
