using System.Globalization;

namespace Conversations.Abstractions.Limits;

/// <summary>Meta's messaging limit tiers: unique customers a portfolio may reach with business-initiated messages in a moving 24 h.</summary>
public static class MessagingLimitTier
{
    public const string UnlimitedName = "unlimited";

    /// <summary>The tiers Meta grants, lowest first; null is unlimited.</summary>
    public static IReadOnlyList<int?> All { get; } = [250, 2_000, 10_000, 100_000, null];

    /// <summary>"250", "2000" (or "2K"), "10000" ("10K"), "100000" ("100K") or "unlimited"; null when it is none of them.</summary>
    public static bool TryParse(string? text, out int? tier)
    {
        tier = null;
        var value = text?.Trim().ToUpperInvariant();
        if (value == UnlimitedName.ToUpperInvariant())
        {
            return true;
        }

        if (value is null)
        {
            return false;
        }

        var thousands = value.EndsWith('K');
        if (!int.TryParse(thousands ? value[..^1] : value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        tier = thousands ? number * 1_000 : number;
        return All.Contains(tier);
    }

    public static string Name(int? tier) => tier is { } limit ? limit.ToString(CultureInfo.InvariantCulture) : UnlimitedName;
}
