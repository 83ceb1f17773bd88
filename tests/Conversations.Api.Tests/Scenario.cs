using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>The calls tests make over and over, each with fresh numbers so tests sharing a host never share a conversation.</summary>
public sealed class Scenario(ApiFactory api)
{
    public DateTimeOffset Now => api.Clock.GetUtcNow();

    public async Task<V1.BusinessNumber> RegisterNumber()
    {
        return (await api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest
        {
            BusinessNumberId = TestNumbers.BusinessNumberId(),
            WabaId = TestNumbers.WabaId(),
        })).BusinessNumber;
    }

    /// <summary>A registered number whose WABA has the UTILITY template <paramref name="name"/> (en_US) APPROVED.</summary>
    public async Task<V1.BusinessNumber> NumberWithApprovedTemplate(string name, string body = "Your order {{1}} has shipped")
    {
        var number = await RegisterNumber();
        await api.Templates.UpsertTemplateAsync(new V1.UpsertTemplateRequest
        {
            WabaId = number.WabaId,
            Name = name,
            Language = "en_US",
            Category = V1.TemplateCategory.Utility,
            Status = V1.TemplateStatus.Approved,
            Body = body,
        });
        return number;
    }

    public static V1.RecordInboundRequest Inbound(string businessNumberId, string customer, DateTimeOffset sentAt, string type = "text") => new()
    {
        BusinessNumberId = businessNumberId,
        Customer = customer,
        MessageId = "wamid." + Guid.NewGuid().ToString("N"),
        SentAt = Timestamp.FromDateTimeOffset(sentAt),
        Type = type,
        Text = "hello",
    };

    public async Task<V1.Conversation> RecordInbound(string businessNumberId, string customer, DateTimeOffset sentAt, string type = "text") =>
        (await api.Conversations.RecordInboundAsync(Inbound(businessNumberId, customer, sentAt, type))).Conversation;

    public static V1.SendRequest Text(string businessNumberId, string customer, string body, string? idempotencyKey = null) => new()
    {
        BusinessNumberId = businessNumberId,
        Customer = customer,
        IdempotencyKey = idempotencyKey ?? NewKey(),
        Text = new V1.TextContent { Body = body },
    };

    public static V1.SendRequest Template(string businessNumberId, string customer, string name, string language, params string[] parameters) => new()
    {
        BusinessNumberId = businessNumberId,
        Customer = customer,
        IdempotencyKey = NewKey(),
        Template = new V1.TemplateContent { Name = name, Language = language, Parameters = { parameters } },
    };

    public async Task<V1.Conversation> Get(string businessNumberId, string customer) =>
        (await api.Conversations.GetConversationAsync(new V1.GetConversationRequest { BusinessNumberId = businessNumberId, Customer = customer })).Conversation;

    /// <summary>A registered number and a customer who wrote a minute ago: the window is open.</summary>
    public async Task<(V1.BusinessNumber Number, string Customer)> OpenConversation()
    {
        var number = await RegisterNumber();
        var customer = TestNumbers.Customer();
        await RecordInbound(number.BusinessNumberId, customer, Now.AddMinutes(-1));
        return (number, customer);
    }

    public static string NewKey() => "key-" + Guid.NewGuid().ToString("N");
}
