using Conversations.Abstractions.Identity;
using Conversations.LoadTest.Scenarios;

namespace Conversations.LoadTest.Tests;

/// <summary>--user-id-share: a share of the load's customers are known only by a BSUID the api accepts.</summary>
public sealed class UserIdShareTests
{
    [Theory]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    [InlineData("half")]
    public void A_share_outside_0_to_1_is_refused_before_anything_runs(string share) =>
        Assert.NotEmpty(LoadTestCommandLine.Create().Parse(["--scenario", "uniform", "--user-id-share", share]).Errors);

    [Fact]
    public void A_share_from_0_to_1_parses() =>
        Assert.Empty(LoadTestCommandLine.Create().Parse(["--scenario", "uniform", "--user-id-share", "0.25"]).Errors);

    [Fact]
    public void A_quarter_of_the_conversations_are_valid_bsuids_spread_evenly_and_the_rest_valid_phone_numbers()
    {
        var set = new ConversationSet(new RunIds(1_788_000_000), scenarioDigit: 1, conversations: 2_000, businessNumbers: 1, userIdShare: 0.25);

        var customers = Enumerable.Range(0, set.Count).Select(set.CustomerOf).ToList();

        var userIds = customers.Where(CustomerUserId.Is).ToList();
        Assert.Equal(500, userIds.Count);
        Assert.Equal(250, customers.Take(1_000).Count(CustomerUserId.Is));
        Assert.All(userIds, id => Assert.True(CustomerUserId.Parse(id).Succeeded, id));
        Assert.All(customers.Where(c => !CustomerUserId.Is(c)), c => Assert.True(CustomerNumber.Normalize(c).Succeeded, c));
        Assert.Equal(customers.Count, customers.Distinct().Count());
    }
}
