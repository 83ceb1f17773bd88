namespace Conversations.Cli.Parsing;

/// <summary>
/// The tiers Meta grants a portfolio, as the api names them. The CLI also takes Meta's short names (2K) and sends the
/// canonical one, so what the operator typed and what the server stores read the same.
/// </summary>
public static class MessagingLimitTier
{
    public static readonly IReadOnlyList<string> Choices = ["250", "2000", "10000", "100000", "unlimited"];

    private static readonly IReadOnlyDictionary<string, string> ShortNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["2K"] = "2000",
        ["10K"] = "10000",
        ["100K"] = "100000",
    };

    public static bool TryParse(string text, out string tier)
    {
        if (ShortNames.TryGetValue(text, out var canonical))
        {
            tier = canonical;
            return true;
        }

        tier = Choices.FirstOrDefault(choice => string.Equals(choice, text, StringComparison.OrdinalIgnoreCase)) ?? "";
        return tier.Length > 0;
    }
}
