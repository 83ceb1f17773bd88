using Conversations.Testing;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests;

/// <summary>The calls the end-to-end tests repeat, each with fresh numbers so tests sharing the host never share a conversation.</summary>
public sealed class LoopbackScenario(LoopbackApi api)
{
    /// <summary>Every wait in these tests ends well inside a test's 10 s budget; the simulator's delays are milliseconds.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(8);

    public async Task<V1.BusinessNumber> RegisterNumber(int? throughputPerSecond = null)
    {
        var request = new V1.RegisterBusinessNumberRequest { BusinessNumberId = TestNumbers.BusinessNumberId(), WabaId = TestNumbers.WabaId() };
        if (throughputPerSecond is { } perSecond)
        {
            request.ThroughputPerSecond = perSecond;
        }

        return (await api.BusinessNumbers.RegisterBusinessNumberAsync(request)).BusinessNumber;
    }

    /// <summary>An approved utility template with one parameter in <paramref name="wabaId"/>; returns its name.</summary>
    public async Task<string> ApprovedTemplate(string wabaId, string name = "order_update")
    {
        await api.Templates.UpsertTemplateAsync(new V1.UpsertTemplateRequest
        {
            WabaId = wabaId,
            Name = name,
            Language = "en_US",
            Category = V1.TemplateCategory.Utility,
            Status = V1.TemplateStatus.Approved,
            Body = "Your order {{1}} has shipped",
        });
        return name;
    }

    /// <summary>A registered number and a customer who wrote to it through the simulator: both windows are open.</summary>
    public async Task<(V1.BusinessNumber Number, string Customer)> CustomerWrote()
    {
        var number = await RegisterNumber();
        var customer = TestNumbers.Customer();
        await api.Simulator.CustomerWrites(number.BusinessNumberId, number.WabaId, customer, "Hi, is my order on its way?");
        return (number, customer);
    }

    public static V1.SendRequest Text(V1.BusinessNumber number, string customer, string body) => new()
    {
        BusinessNumberId = number.BusinessNumberId,
        Customer = customer,
        IdempotencyKey = "key-" + Guid.NewGuid().ToString("N"),
        Text = new V1.TextContent { Body = body },
    };

    public async Task<V1.Conversation> Conversation(V1.BusinessNumber number, string customer) =>
        (await api.Conversations.GetConversationAsync(new V1.GetConversationRequest { BusinessNumberId = number.BusinessNumberId, Customer = customer })).Conversation;

    /// <summary>The message log entry for <paramref name="idempotencyKey"/>, or null while there is none.</summary>
    public async Task<V1.MessageRecord?> Message(V1.BusinessNumber number, string customer, string idempotencyKey)
    {
        var log = await api.Conversations.ListMessagesAsync(new V1.ListMessagesRequest
        {
            BusinessNumberId = number.BusinessNumberId,
            Customer = customer,
        });
        return log.Messages.SingleOrDefault(m => m.IdempotencyKey == idempotencyKey);
    }
}
