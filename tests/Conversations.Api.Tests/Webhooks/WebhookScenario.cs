using Conversations.Testing;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>The set-ups webhook tests share: a message we sent (and its wamid), and reading it back through ListMessages.</summary>
public sealed class WebhookScenario(ApiFactory api)
{
    public Scenario Api { get; } = new(api);

    public DateTimeOffset Now => Api.Now;

    /// <summary>A customer who wrote a minute ago and a text we sent back, accepted by Meta with a wamid.</summary>
    public async Task<SentMessage> SentText()
    {
        var (number, customer) = await Api.OpenConversation();
        return await SendText(number, customer);
    }

    public async Task<SentMessage> SendText(V1.BusinessNumber number, string customer)
    {
        var receipt = (await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "Your order has shipped"))).Receipt;
        Assert.False(string.IsNullOrEmpty(receipt.Wamid));
        return new SentMessage(number, customer, receipt.Wamid);
    }

    public async Task<V1.MessageRecord> Message(SentMessage sent)
    {
        var log = await api.Conversations.ListMessagesAsync(new V1.ListMessagesRequest
        {
            BusinessNumberId = sent.Number.BusinessNumberId,
            Customer = sent.Customer,
        });
        return Assert.Single(log.Messages, m => m.Wamid == sent.Wamid);
    }

    public Task<V1.Conversation> Conversation(string businessNumberId, string customer) => Api.Get(businessNumberId, customer);

    public static string NewCustomer() => TestNumbers.Customer();
}
