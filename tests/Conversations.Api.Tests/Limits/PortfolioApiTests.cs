using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Limits;

/// <summary>
/// Business numbers as configuration: WABA, portfolio, throughput and quality rating; portfolios' messaging limits;
/// and the refusals a bad setting gets, which leave the number as it was.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PortfolioApiTests(ApiFactory api)
{
    private const string Template = "order_update";

    private readonly Scenario _scenario = new(api);

    private V1.UsageService.UsageServiceClient Usage => new(api.Channel);

    [Fact]
    public async Task A_number_registered_with_only_its_WABA_gets_that_WABA_as_portfolio_80_per_second_and_no_rating_yet()
    {
        var number = await _scenario.RegisterNumber();

        Assert.Equal((number.WabaId, 80, V1.QualityRating.Unknown), (number.PortfolioId, number.ThroughputPerSecond, number.QualityRating));
    }

    [Fact]
    public async Task Registering_again_updates_throughput_and_rating_and_keeps_what_it_does_not_name()
    {
        var registered = await Register(TestNumbers.BusinessNumberId(), TestNumbers.WabaId(), TestNumbers.WabaId(), throughput: 1_000, V1.QualityRating.Green);

        var updated = (await api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest
        {
            BusinessNumberId = registered.BusinessNumberId,
            WabaId = registered.WabaId,
            QualityRating = V1.QualityRating.Yellow,
        })).BusinessNumber;

        var expected = registered.Clone();
        expected.QualityRating = V1.QualityRating.Yellow;
        Assert.Equal(expected, updated);
        Assert.Equal(updated, (await api.BusinessNumbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = registered.BusinessNumberId })).BusinessNumber);
    }

    [Fact]
    public async Task Moving_a_number_to_another_portfolio_is_refused_as_BUSINESS_NUMBER_CONFLICT()
    {
        var registered = await Register(TestNumbers.BusinessNumberId(), TestNumbers.WabaId(), TestNumbers.WabaId());

        var info = await Refused.With(StatusCode.AlreadyExists, "BUSINESS_NUMBER_CONFLICT", () => api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest
        {
            BusinessNumberId = registered.BusinessNumberId,
            WabaId = registered.WabaId,
            PortfolioId = TestNumbers.WabaId(),
        }).ResponseAsync);

        Assert.Equal(registered.PortfolioId, info.Metadata["portfolio_id"]);
    }

    [Theory]
    [InlineData("   ", 80, 0, "MISSING_FIELD", "portfolio_id")]
    [InlineData("portfolio-1", 80, 0, "INVALID_FIELD", "portfolio_id")]
    [InlineData("", 0, 0, "INVALID_FIELD", "throughput_per_second")]
    [InlineData("", -80, 0, "INVALID_FIELD", "throughput_per_second")]
    [InlineData("", 1_001, 0, "INVALID_FIELD", "throughput_per_second")]
    [InlineData("", 80, 99, "INVALID_FIELD", "quality_rating")]
    public async Task A_bad_setting_is_refused_with_INVALID_ARGUMENT_naming_the_field_and_changes_nothing(
        string portfolio, int throughput, int rating, string reason, string field)
    {
        var registered = await Register(TestNumbers.BusinessNumberId(), TestNumbers.WabaId(), TestNumbers.WabaId(), throughput: 500);
        var request = new V1.RegisterBusinessNumberRequest
        {
            BusinessNumberId = registered.BusinessNumberId,
            WabaId = registered.WabaId,
            PortfolioId = portfolio,
            ThroughputPerSecond = throughput,
            QualityRating = (V1.QualityRating)rating,
        };

        var info = await Refused.With(StatusCode.InvalidArgument, reason, () => api.BusinessNumbers.RegisterBusinessNumberAsync(request).ResponseAsync);

        Assert.Equal(field, info.Metadata["field"]);
        Assert.Equal(registered, (await api.BusinessNumbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = registered.BusinessNumberId })).BusinessNumber);
    }

    [Fact]
    public async Task The_251st_new_customer_of_a_250_portfolio_is_RESOURCE_EXHAUSTED_MESSAGING_LIMIT_REACHED_with_131064_tier_used_and_resets_at()
    {
        var portfolio = TestNumbers.WabaId();
        var number = await Register(TestNumbers.BusinessNumberId(), TestNumbers.WabaId(), portfolio, throughput: 1_000);
        await UpsertTemplate(number.WabaId);
        for (var i = 0; i < 250; i++)
        {
            await api.Conversations.SendAsync(Scenario.Template(number.BusinessNumberId, Customer(i), Template, "en_US", "42"));
        }

        var info = await Refused.With(StatusCode.ResourceExhausted, "MESSAGING_LIMIT_REACHED",
            () => api.Conversations.SendAsync(Scenario.Template(number.BusinessNumberId, Customer(250), Template, "en_US", "42")).ResponseAsync);

        Assert.Equal(("131064", "250", "250", portfolio), (info.Metadata["whatsapp_code"], info.Metadata["tier"], info.Metadata["used"], info.Metadata["portfolio_id"]));
        var limit = (await api.BusinessNumbers.GetMessagingLimitAsync(new V1.GetMessagingLimitRequest { PortfolioId = portfolio })).MessagingLimit;
        Assert.Equal(("250", 250), (limit.Tier, limit.Used));
        Assert.Equal(limit.ResetsAt.ToDateTimeOffset(), DateTimeOffset.Parse(info.Metadata["resets_at"], System.Globalization.CultureInfo.InvariantCulture));
        var usage = await Usage.GetUsageAsync(new V1.GetUsageRequest { PortfolioId = portfolio, Month = _scenario.Now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(250, usage.Rows.Sum(r => r.Messages));

        await api.BusinessNumbers.SetMessagingLimitAsync(new V1.SetMessagingLimitRequest { PortfolioId = portfolio, Tier = "2K" });
        await api.Conversations.SendAsync(Scenario.Template(number.BusinessNumberId, Customer(250), Template, "en_US", "42"));

        // The portfolio and number are this test's own, so these customers are new to it whoever else uses them.
        static string Customer(int i) => $"1650555{i:D4}";
    }

    [Theory]
    [InlineData("", "250", "MISSING_FIELD", "portfolio_id")]
    [InlineData("portfolio", "250", "INVALID_FIELD", "portfolio_id")]
    [InlineData("2012345678", "", "INVALID_FIELD", "messaging_limit")]
    [InlineData("2012345678", "1000", "INVALID_FIELD", "messaging_limit")]
    [InlineData("2012345678", "lots", "INVALID_FIELD", "messaging_limit")]
    public async Task A_bad_portfolio_or_tier_is_refused_with_INVALID_ARGUMENT_naming_the_field(string portfolio, string tier, string reason, string field)
    {
        var info = await Refused.With(StatusCode.InvalidArgument, reason,
            () => api.BusinessNumbers.SetMessagingLimitAsync(new V1.SetMessagingLimitRequest { PortfolioId = portfolio, Tier = tier }).ResponseAsync);

        Assert.Equal(field, info.Metadata["field"]);
    }

    [Fact]
    public async Task Usage_takes_a_waba_id_or_a_portfolio_id_but_not_both()
    {
        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_FIELD",
            () => Usage.GetUsageAsync(new V1.GetUsageRequest { WabaId = TestNumbers.WabaId(), PortfolioId = TestNumbers.WabaId(), Month = "2026-11" }).ResponseAsync);

        Assert.Equal("portfolio_id", info.Metadata["field"]);
    }

    private async Task<V1.BusinessNumber> Register(string number, string waba, string portfolio, int? throughput = null, V1.QualityRating rating = V1.QualityRating.Unspecified)
    {
        var request = new V1.RegisterBusinessNumberRequest { BusinessNumberId = number, WabaId = waba, PortfolioId = portfolio, QualityRating = rating };
        if (throughput is { } perSecond)
        {
            request.ThroughputPerSecond = perSecond;
        }

        return (await api.BusinessNumbers.RegisterBusinessNumberAsync(request)).BusinessNumber;
    }

    private async Task UpsertTemplate(string waba) =>
        await api.Templates.UpsertTemplateAsync(new V1.UpsertTemplateRequest
        {
            WabaId = waba,
            Name = Template,
            Language = "en_US",
            Category = V1.TemplateCategory.Utility,
            Status = V1.TemplateStatus.Approved,
            Body = "Your order {{1}} has shipped",
        });
}
