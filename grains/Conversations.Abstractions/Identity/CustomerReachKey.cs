namespace Conversations.Abstractions.Identity;

/// <summary>
/// The key of a CustomerReachGrain: "{portfolio id}/{customer wa_id}", one customer as one portfolio's messaging limit
/// sees it. The customer is digits, so the last separator is unambiguous. Part of every stored key: never change its format.
/// </summary>
public sealed record CustomerReachKey(string PortfolioId, string Customer)
{
    public static CustomerReachKey Parse(string grainKey)
    {
        var slash = grainKey.LastIndexOf('/');
        if (slash <= 0 || slash == grainKey.Length - 1)
        {
            throw new FormatException($"'{grainKey}' is not a customer reach key.");
        }

        return new CustomerReachKey(grainKey[..slash], grainKey[(slash + 1)..]);
    }

    public override string ToString() => $"{PortfolioId}/{Customer}";
}
