using System.Globalization;
using System.Text.RegularExpressions;

namespace Conversations.Cli.Parsing;

/// <summary>
/// Durations as "25h", "1d2h30m", "90s" or "25:00:00". TimeSpan.Parse alone refuses "25:00:00" (hours above 23),
/// which is exactly the value an operator types to land just outside the 24 h window.
/// </summary>
public static partial class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (Units().Match(text) is { Success: true } units && text.Length > 0)
        {
            duration = TimeSpan.FromDays(Number(units, "d"))
                + TimeSpan.FromHours(Number(units, "h"))
                + TimeSpan.FromMinutes(Number(units, "m"))
                + TimeSpan.FromSeconds(Number(units, "s"));
            return true;
        }

        if (Clock().Match(text) is { Success: true } clock)
        {
            duration = TimeSpan.FromHours(Number(clock, "h"))
                + TimeSpan.FromMinutes(Number(clock, "m"))
                + TimeSpan.FromSeconds(Number(clock, "s"));
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }

    private static int Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<d>\d{1,4})d)?(?:(?<h>\d{1,5})h)?(?:(?<m>\d{1,6})m)?(?:(?<s>\d{1,7})s)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Units();

    [GeneratedRegex(@"^(?<h>\d{1,5}):(?<m>[0-5]\d)(?::(?<s>[0-5]\d))?$")]
    private static partial Regex Clock();
}
