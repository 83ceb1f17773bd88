using System.Globalization;
using Conversations.Abstractions.Pricing;
using V1 = Conversations.V1;

namespace Conversations.Api.Mapping;

/// <summary>Amounts travel as invariant decimal strings: a double would turn 0.0529 into 0.052899999...</summary>
public static class PricingMapping
{
    public static V1.ChargeEstimate ToProto(this ChargeEstimate estimate) => new()
    {
        Category = estimate.Category,
        PricingType = estimate.PricingType,
        Amount = Amount(estimate.Amount),
        Currency = estimate.Currency,
        Market = estimate.Market,
        PricingModel = estimate.PricingModel,
    };

    public static V1.GetUsageResponse ToProto(this UsageReport report) => new()
    {
        WabaId = report.WabaId,
        Month = Month(report.Month),
        Rows = { report.Rows.Select(r => r.ToProto(report.Month)) },
    };

    /// <summary>A row of a day, or of the whole <paramref name="month"/> when it has no day.</summary>
    public static V1.UsageRow ToProto(this UsageRow row, DateOnly month) => new()
    {
        BusinessNumberId = row.BusinessNumberId,
        Day = row.Day is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Month(month),
        Market = row.Market,
        Category = row.Category,
        PricingType = row.PricingType,
        Messages = row.Messages,
        EstimatedAmount = Amount(row.EstimatedAmount),
        Currency = row.Currency,
        Delivered = row.Delivered,
        Mismatches = row.Mismatches,
        Reported = { row.Reported },
    };

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
