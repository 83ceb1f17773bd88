using System.Globalization;

namespace Conversations.Cli.Parsing;

/// <summary>ISO-8601 instants only: a lenient parse would read 03/04 as March or April depending on the machine.</summary>
public static class InstantText
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    /// <summary>Without an offset the time is taken as UTC.</summary>
    public static bool TryParse(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(
            text,
            Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out instant);
}
