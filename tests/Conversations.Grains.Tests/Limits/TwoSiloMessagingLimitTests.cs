using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.Tests.Limits;

/// <summary>The messaging limit stays exact when customers are spread over silos, each leasing slots for its own callers.</summary>
public sealed class TwoSiloMessagingLimitTests(TwoSiloClusterFixture twoSilos) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task Concurrent_broadcasts_over_two_silos_reach_exactly_the_tier_of_distinct_customers()
    {
        var fixture = twoSilos.Cluster;
        var portfolio = await PortfolioDriver.WithNumbers(fixture, numbers: 8, throughputPerSecond: 1_000);
        var customers = PortfolioDriver.Customers(500);
        var sends = customers.Select((c, i) => (Customer: c, Number: portfolio.Numbers[i % 8]))
            .Concat(customers.Take(100).Select((c, i) => (Customer: c, Number: portfolio.Numbers[(i + 3) % 8])));

        var results = await Task.WhenAll(sends.Select(async s => (s.Customer, Result: await portfolio.SendTemplate(s.Number, s.Customer))));

        Assert.Equal(250, results.Where(r => r.Result.Succeeded).Select(r => r.Customer).Distinct().Count());
        Assert.All(results.Where(r => !r.Result.Succeeded), r => Assert.Equal(RefusalReason.MessagingLimitReached, r.Result.Refusal!.Reason));
        Assert.Equal(250, (await portfolio.Status()).Used);
        Assert.Equal(2, fixture.Cluster.Silos.Count);
    }
}
