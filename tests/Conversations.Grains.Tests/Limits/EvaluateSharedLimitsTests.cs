using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests.Limits;

/// <summary>Evaluate tells of the shared limits a Send would meet, and takes nothing from them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EvaluateSharedLimitsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Evaluate_at_a_full_messaging_limit_reports_MESSAGING_LIMIT_REACHED_for_a_new_customer_and_allows_one_already_counted()
    {
        var portfolio = await PortfolioDriver.WithNumbers(fixture, numbers: 4);
        var customers = PortfolioDriver.Customers(251);
        await portfolio.Reach(customers, 250);

        var newCustomer = Ok(await portfolio.Conversation(portfolio.Numbers[0], customers[250]).Evaluate(Template()));
        var counted = Ok(await portfolio.Conversation(portfolio.Numbers[1], customers[0]).Evaluate(Template()));

        Assert.Equal(RefusalReason.MessagingLimitReached, newCustomer.Refusal?.Reason);
        Assert.True(counted.Allowed, counted.Refusal?.Message);
        Assert.Equal(250, (await portfolio.Status()).Used);
    }

    [Fact]
    public async Task Evaluate_below_the_limit_takes_no_slot()
    {
        var portfolio = await PortfolioDriver.WithNumbers(fixture, numbers: 1);
        var customer = PortfolioDriver.Customers(1)[0];

        var evaluation = Ok(await portfolio.Conversation(portfolio.Numbers[0], customer).Evaluate(Template()));

        Assert.True(evaluation.Allowed, evaluation.Refusal?.Message);
        Assert.Equal(0, (await portfolio.Status()).Used);
    }

    private static SendCommand Template() =>
        new("", TemplateOf(PortfolioDriver.Template, "42"));
}
