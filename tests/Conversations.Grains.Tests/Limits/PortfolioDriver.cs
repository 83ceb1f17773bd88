using System.Collections.Immutable;
using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Testing;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests.Limits;

/// <summary>A business portfolio with several numbers sharing one WABA and its templates, and the customers they message.</summary>
public sealed class PortfolioDriver(ClusterFixture fixture)
{
    public const string Template = "order_update";

    public string PortfolioId { get; } = TestNumbers.WabaId();

    public string WabaId { get; } = TestNumbers.WabaId();

    public List<string> Numbers { get; } = [];

    public IMessagingLimitGrain Limit => fixture.Grains.GetGrain<IMessagingLimitGrain>(PortfolioId);

    public static async Task<PortfolioDriver> WithNumbers(ClusterFixture fixture, int numbers, int? throughputPerSecond = null)
    {
        var portfolio = new PortfolioDriver(fixture);
        for (var i = 0; i < numbers; i++)
        {
            await portfolio.AddNumber(throughputPerSecond);
        }

        Ok(await fixture.Grains.GetGrain<ITemplateRegistryGrain>(portfolio.WabaId)
            .Upsert(new TemplateDraft(Template, "en_US", TemplateCategory.Utility, TemplateStatus.Approved, "Order {{1}} is on its way.")));
        return portfolio;
    }

    public async Task<string> AddNumber(int? throughputPerSecond = null)
    {
        var number = TestNumbers.BusinessNumberId();
        Ok(await fixture.Grains.GetGrain<IBusinessNumberGrain>(number).Configure(new BusinessNumberSettings(WabaId, PortfolioId, throughputPerSecond)));
        Numbers.Add(number);
        return number;
    }

    public IConversationGrain Conversation(string number, string customer) =>
        fixture.Grains.GetGrain<IConversationGrain>(new ConversationKey(number, customer).ToString());

    /// <summary>A utility template from <paramref name="number"/>: business-initiated unless the customer wrote in the last 24 h.</summary>
    public Task<Result<SendReceipt>> SendTemplate(string number, string customer) =>
        Conversation(number, customer).Send(new SendCommand(
            Guid.NewGuid().ToString(),
            new TemplateMessage(Template, "en_US", ["42"], ImmutableSortedDictionary<string, string>.Empty)));

    public async Task<MessagingLimitStatus> Status() => await Limit.Status();

    /// <summary>A template to each of the first <paramref name="count"/> customers at once, spread over the numbers; all must go.</summary>
    public async Task Reach(IEnumerable<string> customers, int count) =>
        await Task.WhenAll(customers.Take(count).Select(async (c, i) => Ok(await SendTemplate(Numbers[i % Numbers.Count], c))));

    /// <summary>Distinct customers, so counts of unique customers are exact.</summary>
    public static List<string> Customers(int count)
    {
        var customers = new HashSet<string>();
        while (customers.Count < count)
        {
            customers.Add(TestNumbers.Customer());
        }

        return [.. customers];
    }
}
