using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Testing;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests.Limits;

/// <summary>
/// A WABA opens at most Conversations:Limits:NewConversationsPerMinute conversations a minute with its own first
/// messages (3 here, so one every 20 s once spent); what its customers start, and messages in open conversations, are
/// never counted, and another WABA is unaffected.
/// </summary>
public sealed class ConversationQuotaGrainTests(QuotaClusterFixture quotas) : IClassFixture<QuotaClusterFixture>
{
    private const int Quota = QuotaClusterFixture.NewConversationsPerMinute;

    private ClusterFixture Fixture => quotas.Cluster;

    private async Task<PortfolioDriver> Waba() => await PortfolioDriver.WithNumbers(Fixture, numbers: 1);

    /// <summary>Spends the WABA's minute of new conversations on fresh customers; returns them.</summary>
    private static async Task<List<string>> SpendQuota(PortfolioDriver waba)
    {
        var customers = PortfolioDriver.Customers(Quota);
        await waba.Reach(customers, Quota);
        return customers;
    }

    [Fact]
    public async Task A_first_message_beyond_the_WABAs_minute_is_refused_with_CONVERSATION_QUOTA_EXCEEDED_and_when_to_retry()
    {
        var waba = await Waba();
        await SpendQuota(waba);

        var refusal = Refused(await waba.SendTemplate(waba.Numbers[0], TestNumbers.Customer()), RefusalReason.ConversationQuotaExceeded);

        Assert.Equal((waba.WabaId, "3", "20"), (refusal.Metadata["waba_id"], refusal.Metadata["limit"], refusal.Metadata["retry_after"]));
        Assert.Equal(Quota, (await waba.Status()).Used);
    }

    [Fact]
    public async Task Messages_in_conversations_that_began_are_not_counted_and_a_customer_writing_in_is_never_refused()
    {
        var waba = await Waba();
        var reached = await SpendQuota(waba);
        var writer = new ConversationKey(waba.Numbers[0], TestNumbers.Customer());
        var conversation = Fixture.Grains.GetGrain<IConversationGrain>(writer.ToString());

        var again = await waba.SendTemplate(waba.Numbers[0], reached[0]);
        var inbound = await conversation.RecordInbound(new InboundMessage($"wamid.{Guid.NewGuid():N}", Fixture.Clock.GetUtcNow(), InboundMessageType.Text, "hello"));
        var reply = await conversation.Send(Text("Happy to help."));

        Assert.True(again.Succeeded, again.Refusal?.Message);
        Assert.True(Ok(inbound).WindowOpen);
        Assert.True(reply.Succeeded, reply.Refusal?.Message);
    }

    [Fact]
    public async Task Another_WABAs_quota_is_its_own()
    {
        var full = await Waba();
        await SpendQuota(full);
        var other = await Waba();

        var sent = await other.SendTemplate(other.Numbers[0], TestNumbers.Customer());

        Assert.True(sent.Succeeded, sent.Refusal?.Message);
        Refused(await full.SendTemplate(full.Numbers[0], TestNumbers.Customer()), RefusalReason.ConversationQuotaExceeded);
    }

    [Fact]
    public async Task The_quota_refills_one_conversation_every_twenty_seconds_and_wholly_in_a_minute()
    {
        var waba = await Waba();
        await SpendQuota(waba);
        var number = waba.Numbers[0];

        Fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        var afterTwenty = await waba.SendTemplate(number, TestNumbers.Customer());
        var nextOne = await waba.SendTemplate(number, TestNumbers.Customer());
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var afterAMinute = await Task.WhenAll(PortfolioDriver.Customers(Quota + 1).Select(c => waba.SendTemplate(number, c)));

        Assert.True(afterTwenty.Succeeded, afterTwenty.Refusal?.Message);
        Assert.Equal("20", Refused(nextOne, RefusalReason.ConversationQuotaExceeded).Metadata["retry_after"]);
        Assert.Equal(Quota, afterAMinute.Count(r => r.Succeeded));
        Assert.Equal(RefusalReason.ConversationQuotaExceeded, Assert.Single(afterAMinute, r => !r.Succeeded).Refusal!.Reason);
    }

    [Fact]
    public async Task Evaluate_tells_of_a_spent_quota_and_takes_nothing_from_one_that_is_not()
    {
        var spent = await Waba();
        await SpendQuota(spent);
        var fresh = await Waba();
        var template = new SendCommand("", TemplateOf(PortfolioDriver.Template, "42"));

        var refused = Ok(await spent.Conversation(spent.Numbers[0], TestNumbers.Customer()).Evaluate(template));
        var dryRuns = await Task.WhenAll(PortfolioDriver.Customers(Quota + 2).Select(c => fresh.Conversation(fresh.Numbers[0], c).Evaluate(template)));
        await SpendQuota(fresh);

        Assert.Equal(RefusalReason.ConversationQuotaExceeded, refused.Refusal?.Reason);
        Assert.All(dryRuns, r => Assert.True(Ok(r).Allowed));
    }

    [Fact]
    public async Task A_scheduled_first_message_takes_from_the_quota_when_it_is_decided_not_when_it_is_scheduled()
    {
        var waba = await Waba();
        var number = waba.Numbers[0];
        var customer = TestNumbers.Customer();
        var conversation = waba.Conversation(number, customer);
        var scheduled = Ok(await conversation.Send(new SendCommand("later", TemplateOf(PortfolioDriver.Template, "42")) { SendAt = Fixture.Clock.GetUtcNow().AddSeconds(1) }));

        await SpendQuota(waba);
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var decided = (await Eventually.Until(
            async () => Ok(await conversation.ListMessages(0)),
            log => log.Any(m => m.MessageId == scheduled.MessageId && m.Status != MessageStatus.Scheduled)))
            .Single(m => m.MessageId == scheduled.MessageId);

        Assert.Equal(MessageStatus.Scheduled, scheduled.Status);
        Assert.Equal(MessageStatus.Failed, decided.Status);
        Assert.Equal(RefusalReason.ConversationQuotaExceeded, decided.Refusal?.Reason);
    }

    [Fact]
    public async Task First_messages_on_two_silos_at_once_open_exactly_the_quota_of_conversations()
    {
        var waba = await PortfolioDriver.WithNumbers(Fixture, numbers: 2);
        var customers = PortfolioDriver.Customers(12);

        var results = await Task.WhenAll(customers.Select((c, i) => waba.SendTemplate(waba.Numbers[i % 2], c)));

        Assert.Equal(Quota, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(RefusalReason.ConversationQuotaExceeded, r.Refusal!.Reason));
        Assert.Equal(2, Fixture.Cluster.Silos.Count);
    }
}
