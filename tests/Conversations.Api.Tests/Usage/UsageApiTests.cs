using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Templates;
using Conversations.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Usage;

/// <summary>The Usage RPC: a portfolio's month of estimated and reported charges, with amounts as exact decimal strings.</summary>
[Collection(ApiCollection.Name)]
public sealed class UsageApiTests(ApiFactory api)
{
    private V1.UsageService.UsageServiceClient Usage => new(api.Channel);

    [Fact]
    public async Task GetUsage_returns_a_row_per_day_or_one_per_month_with_decimal_amounts()
    {
        // Arrange
        var (waba, number) = (TestNumbers.WabaId(), TestNumbers.BusinessNumberId());
        var tenth = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
        var ledger = api.Services.GetRequiredService<IGrainFactory>().GetGrain<IUsageLedgerGrain>(UsageLedgerKey.Of(waba, tenth));
        foreach (var at in new[] { tenth, tenth.AddDays(1) })
        {
            await ledger.Charge(new ChargeRequest(number, "5511987654321", "cnv." + Guid.NewGuid().ToString("N"), MessageKind.Template, TemplateCategory.Marketing, false, false, at));
        }

        // Act
        var byDay = await Usage.GetUsageAsync(new V1.GetUsageRequest { WabaId = waba, Month = "2026-11", GroupByDay = true });
        var byMonth = await Usage.GetUsageAsync(new V1.GetUsageRequest { WabaId = waba, Month = "2026-11", BusinessNumberId = number });

        // Assert
        Assert.Equal(["2026-11-10", "2026-11-11"], byDay.Rows.Select(r => r.Day));
        Assert.All(byDay.Rows, r => Assert.Equal(("BR", "marketing", "regular", 1L, "0.0625", "USD"), (r.Market, r.Category, r.PricingType, r.Messages, r.EstimatedAmount, r.Currency)));
        var month = Assert.Single(byMonth.Rows);
        Assert.Equal((number, "2026-11", 2L, "0.1250"), (month.BusinessNumberId, month.Day, month.Messages, month.EstimatedAmount));
        Assert.Equal((waba, "2026-11"), (byMonth.WabaId, byMonth.Month));
    }

    [Theory]
    [InlineData("", "2026-11", "", "MISSING_FIELD", "waba_id")]
    [InlineData("waba-1", "2026-11", "", "INVALID_WABA_ID", "waba_id")]
    [InlineData("2012345678", "", "", "MISSING_FIELD", "month")]
    [InlineData("2012345678", "2026-13", "", "INVALID_FIELD", "month")]
    [InlineData("2012345678", "11/2026", "", "INVALID_FIELD", "month")]
    [InlineData("2012345678", "2026-11", "phone-1", "INVALID_BUSINESS_NUMBER_ID", "business_number_id")]
    public async Task A_bad_waba_month_or_number_is_refused_with_INVALID_ARGUMENT_naming_the_field(string waba, string month, string number, string reason, string field)
    {
        var info = await Refused.With(
            StatusCode.InvalidArgument,
            reason,
            () => Usage.GetUsageAsync(new V1.GetUsageRequest { WabaId = waba, Month = month, BusinessNumberId = number }).ResponseAsync);

        Assert.Equal(field, info.Metadata["field"]);
    }
}
