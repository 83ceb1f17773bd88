using System.Globalization;
using Conversations.Abstractions.Refusals;

namespace Conversations.Abstractions.Pricing;

/// <summary>
/// The key of a usage ledger: "{waba id}/{yyyy-MM}", one ledger per business portfolio and UTC calendar month, because
/// Meta's allowances and volume tiers reset on the first of the month. Charge and Quote go to the ledger of the
/// message's send time (<see cref="ChargeRequest.At"/>), RecordReported to the ledger of its delivery time
/// (<see cref="ReportedCharge.DeliveredAt"/>); a ledger refuses a time outside its month.
/// </summary>
public static class UsageLedgerKey
{
    private const string MonthFormat = "yyyy-MM";

    /// <summary>The ledger of the UTC month <paramref name="at"/> falls in.</summary>
    public static string Of(string wabaId, DateTimeOffset at) =>
        Of(wabaId, DateOnly.FromDateTime(at.UtcDateTime));

    public static string Of(string wabaId, DateOnly dayInMonth) =>
        $"{wabaId}/{dayInMonth.ToString(MonthFormat, CultureInfo.InvariantCulture)}";

    /// <summary>Parses a "YYYY-MM" month as the first day of that month.</summary>
    public static Result<DateOnly> Month(string? input, string field = "month")
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Refusal.MissingField(field);
        }

        return DateOnly.TryParseExact(input.Trim(), MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? Result<DateOnly>.Ok(month)
            : Refusal.Of(RefusalReason.InvalidField, $"{field} '{FieldRules.Echo(input)}' must be a month as YYYY-MM.", ("field", field), ("rule", "month"));
    }

    /// <summary>The WABA id and first day of the month a ledger key names.</summary>
    public static (string WabaId, DateOnly Month) Parse(string key)
    {
        var slash = key.LastIndexOf('/');
        if (slash <= 0 || !DateOnly.TryParseExact(key[(slash + 1)..], MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            throw new ArgumentException($"'{key}' is not a usage ledger key (\"{{waba id}}/{{yyyy-MM}}\").", nameof(key));
        }

        return (key[..slash], month);
    }
}
