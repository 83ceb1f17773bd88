using System.Globalization;

namespace Conversations.LoadTest.Reporting;

/// <summary>One spelling of numbers for the console and markdown tables.</summary>
public static class Formatting
{
    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Millis(double ms) => ms switch
    {
        < 10 => ms.ToString("0.00", CultureInfo.InvariantCulture),
        < 100 => ms.ToString("0.0", CultureInfo.InvariantCulture),
        _ => ms.ToString("N0", CultureInfo.InvariantCulture),
    };

    public static string Ratio(double? ratio) => ratio is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";

    public static string Share(long part, long whole) =>
        whole == 0 ? "–" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Cores(double? cores) => cores is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    public static string Outcome(string status, string reason) => reason.Length == 0 ? status : $"{status} {reason}";
}
