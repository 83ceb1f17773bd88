using System.Globalization;
using Conversations.Abstractions.Pricing;

namespace Conversations.Grains.Pricing;

/// <summary>
/// The names of a ledger's totals counters, so a charge increments one counter and a delivery two or three, and the
/// usage report sums them back into rows. A row is "{business number}|{yyyy-MM-dd}|{market}|{category}|{pricing
/// type}|{currency}"; "c|{row}|{amount}" counts messages estimated at that amount (counted, not summed, so totals stay
/// exact decimals with no float in the store), "d|{row}" deliveries, "m|{row}" mismatches and "r|{row}|{category/type}"
/// deliveries by what Meta reported. The charged field is also what a charge id remembers, to answer a retry.
/// </summary>
public static class UsageFields
{
    private const char Separator = '|';
    private const string DayFormat = "yyyy-MM-dd";

    public static string Charged(string businessNumberId, DateOnly day, ChargeEstimate estimate) =>
        $"c|{Row(businessNumberId, day, estimate)}|{estimate.Amount.ToString(CultureInfo.InvariantCulture)}";

    public static string Delivered(string businessNumberId, DateOnly day, ChargeEstimate estimate) =>
        $"d|{Row(businessNumberId, day, estimate)}";

    public static string Mismatched(string businessNumberId, DateOnly day, ChargeEstimate estimate) =>
        $"m|{Row(businessNumberId, day, estimate)}";

    /// <summary>The last part may hold anything Meta sent: a parse keeps everything after the row in it.</summary>
    public static string Reported(string businessNumberId, DateOnly day, ChargeEstimate estimate, string reported) =>
        $"r|{Row(businessNumberId, day, estimate)}|{reported}";

    /// <summary>The estimate a charged field records, priced under the model of its day.</summary>
    public static ChargeEstimate EstimateOf(string chargedField, Func<DateOnly, string> modelOn)
    {
        var parts = Split(chargedField);
        if (parts[0] != "c")
        {
            throw new InvalidDataException($"'{chargedField}' is not a charged usage field.");
        }

        var day = DayOf(parts);
        return new ChargeEstimate(parts[4], parts[5], decimal.Parse(parts[7], NumberStyles.Number, CultureInfo.InvariantCulture), parts[6], parts[3], modelOn(day));
    }

    /// <summary>The rows the counters add up to, one per business number, day, market, category, pricing type and currency.</summary>
    public static IEnumerable<UsageTotals> Rows(IReadOnlyDictionary<string, long> counters)
    {
        var rows = new Dictionary<string, UsageTotals>(StringComparer.Ordinal);
        foreach (var (field, count) in counters)
        {
            var parts = Split(field);
            var key = string.Join(Separator, parts, 1, 6);
            if (!rows.TryGetValue(key, out var row))
            {
                row = new UsageTotals
                {
                    BusinessNumberId = parts[1],
                    Day = DayOf(parts),
                    Market = parts[3],
                    Category = parts[4],
                    PricingType = parts[5],
                    Currency = parts[6],
                };
                rows[key] = row;
            }

            switch (parts[0])
            {
                case "c":
                    row.Messages += count;
                    row.EstimatedAmount += count * decimal.Parse(parts[7], NumberStyles.Number, CultureInfo.InvariantCulture);
                    break;
                case "d":
                    row.Delivered += count;
                    break;
                case "m":
                    row.Mismatches += count;
                    break;
                case "r":
                    row.Reported[parts[7]] = row.Reported.GetValueOrDefault(parts[7]) + count;
                    break;
                default:
                    throw new InvalidDataException($"'{field}' is not a usage field.");
            }
        }

        return rows.Values;
    }

    private static string Row(string businessNumberId, DateOnly day, ChargeEstimate estimate)
    {
        string[] parts = [businessNumberId, estimate.Market, estimate.Category, estimate.PricingType, estimate.Currency];
        if (parts.FirstOrDefault(p => p.Contains(Separator, StringComparison.Ordinal)) is { } bad)
        {
            throw new ArgumentException($"'{bad}' cannot name a usage row: it contains '{Separator}'.", nameof(estimate));
        }

        return string.Join(Separator, businessNumberId, day.ToString(DayFormat, CultureInfo.InvariantCulture), estimate.Market, estimate.Category, estimate.PricingType, estimate.Currency);
    }

    private static string[] Split(string field)
    {
        var parts = field.Split(Separator, 8);
        var expected = parts[0] is "c" or "r" ? 8 : 7;
        return parts.Length == expected ? parts : throw new InvalidDataException($"'{field}' is not a usage field.");
    }

    private static DateOnly DayOf(string[] parts) => DateOnly.ParseExact(parts[2], DayFormat, CultureInfo.InvariantCulture);
}
