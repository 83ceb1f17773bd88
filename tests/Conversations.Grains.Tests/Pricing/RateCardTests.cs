using Conversations.Grains.Pricing;

namespace Conversations.Grains.Tests.Pricing;

/// <summary>The rate card is dated data: the row in force on a message's date prices it, and a bad card fails loudly.</summary>
public sealed class RateCardTests
{
    /// <summary>US utility with two tiers (from the 4th and the 7th message), US marketing raised on 2026-01-01, ROW rows.</summary>
    public const string TieredCardJson = """
        {
          "note": "test card",
          "rows": [
            {"effective_from": "2025-07-01", "market": "US", "category": "utility", "currency": "USD", "rate": 0.004,
             "tiers": [{"from_messages": 3, "rate": 0.003}, {"from_messages": 6, "rate": 0.002}]},
            {"effective_from": "2025-07-01", "market": "US", "category": "marketing", "currency": "USD", "rate": 0.025},
            {"effective_from": "2026-01-01", "market": "US", "category": "marketing", "currency": "USD", "rate": 0.030},
            {"effective_from": "2025-07-01", "market": "ROW", "category": "marketing", "currency": "USD", "rate": 0.0604},
            {"effective_from": "2025-07-01", "market": "ROW", "category": "utility", "currency": "USD", "rate": 0.0077},
            {"effective_from": "2025-07-01", "market": "ROW", "category": "authentication", "currency": "USD", "rate": 0.0224},
            {"effective_from": "2025-07-01", "market": "ROW", "category": "authentication_international", "currency": "USD", "rate": 0.06}
          ]
        }
        """;

    public static RateCard TieredCard() => RateCard.Parse(TieredCardJson);

    [Fact]
    public void A_rate_change_on_a_quarter_boundary_applies_from_that_date()
    {
        var card = TieredCard();

        Assert.Equal(0.025m, card.Find("US", PricingCategories.Marketing, new DateOnly(2025, 12, 31)).Rate);
        Assert.Equal(0.030m, card.Find("US", PricingCategories.Marketing, new DateOnly(2026, 1, 1)).Rate);
        Assert.Equal(0.030m, card.Find("US", PricingCategories.Marketing, new DateOnly(2026, 11, 25)).Rate);
    }

    [Fact]
    public void A_date_before_the_first_row_is_priced_with_the_earliest_row()
    {
        Assert.Equal(0.025m, TieredCard().Find("US", PricingCategories.Marketing, new DateOnly(2025, 3, 10)).Rate);
    }

    [Fact]
    public void The_embedded_card_ships_the_spec_example_rates_marked_illustrative()
    {
        var card = RateCard.Load(null);

        Assert.Contains("ILLUSTRATIVE", card.Note, StringComparison.Ordinal);
        Assert.Equal(0.0529m, card.Find("GB", PricingCategories.Marketing, new DateOnly(2026, 11, 1)).Rate);
        Assert.Equal(0.0300m, card.Find("ID", PricingCategories.Authentication, new DateOnly(2026, 11, 1)).Rate);
        Assert.All(PricingCategories.Carded, c => Assert.Contains(card.Rows, r => r.Market == RateCard.RestOfWorld && r.Category == c));
    }

    [Theory]
    [InlineData("""{"rows": [{"effective_from": "2025-07-01", "market": "US", "category": "marketing", "currency": "USD", "rate": 0.025}]}""", "no ROW row")]
    [InlineData("""{"rows": [{"effective_from": "July 2025", "market": "ROW", "category": "marketing", "currency": "USD", "rate": 0.025}]}""", "effective_from")]
    [InlineData("""{"rows": [{"effective_from": "2025-07-01", "market": "ROW", "category": "promo", "currency": "USD", "rate": 0.025}]}""", "category 'promo'")]
    [InlineData("""{"rows": [{"effective_from": "2025-07-01", "market": "ROW", "category": "utility", "currency": "USD", "rate": 0.01, "tiers": [{"from_messages": 10, "rate": 0.005}, {"from_messages": 5, "rate": 0.004}]}]}""", "tiers")]
    [InlineData("not json", "not a valid rate card")]
    public void A_bad_card_is_refused_with_the_first_problem(string json, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() => RateCard.Parse(json));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
