using Conversations.Abstractions.Meta;
using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Rulebook;

/// <summary>
/// The steps the rulebook tests repeat: a number whose WABA holds an approved UTILITY template, a conversation whose
/// customer wrote some time ago, the conversation's log and what Meta was handed. Every time is read from the fake clock.
/// </summary>
public sealed class RulebookSteps(ApiFactory api)
{
    public const string Language = "en_US";

    /// <summary>UTILITY, so a fallback to the US test customers is not held back as marketing.</summary>
    public const string ShippingUpdate = "shipping_update";

    public const string ShippingUpdateBody = "Your order {{1}} has shipped";

    private readonly Scenario _scenario = new(api);

    public DateTimeOffset Now => api.Clock.GetUtcNow();

    public static V1.UpsertTemplateRequest Draft(
        string wabaId,
        string name = ShippingUpdate,
        string body = ShippingUpdateBody,
        V1.TemplateCategory category = V1.TemplateCategory.Utility,
        V1.TemplateStatus status = V1.TemplateStatus.Approved) => new()
        {
            WabaId = wabaId,
            Name = name,
            Language = Language,
            Category = category,
            Status = status,
            Body = body,
        };

    public async Task<V1.Template> Upsert(V1.UpsertTemplateRequest draft) => (await api.Templates.UpsertTemplateAsync(draft)).Template;

    /// <summary>A registered number whose WABA has <see cref="ShippingUpdate"/> approved.</summary>
    public async Task<V1.BusinessNumber> NumberWithTemplate()
    {
        var number = await _scenario.RegisterNumber();
        await Upsert(Draft(number.WabaId));
        return number;
    }

    /// <summary>A number with the template and a customer who wrote <paramref name="sinceInbound"/> ago.</summary>
    public async Task<(V1.BusinessNumber Number, string Customer)> Conversation(TimeSpan sinceInbound)
    {
        var number = await NumberWithTemplate();
        var customer = TestNumbers.Customer();
        await _scenario.RecordInbound(number.BusinessNumberId, customer, Now - sinceInbound);
        return (number, customer);
    }

    /// <summary>The customer wrote a minute ago: free-form may go.</summary>
    public Task<(V1.BusinessNumber Number, string Customer)> OpenConversation() => Conversation(TimeSpan.FromMinutes(1));

    /// <summary>The customer wrote 25 hours ago: only a template may go.</summary>
    public Task<(V1.BusinessNumber Number, string Customer)> ClosedConversation() => Conversation(TimeSpan.FromHours(25));

    public static V1.TemplateContent ShippingUpdateContent(params string[] parameters) => new()
    {
        Name = ShippingUpdate,
        Language = Language,
        Parameters = { parameters },
    };

    public static V1.SendRequest Text(V1.BusinessNumber number, string customer, string body = "Your parcel is on its way") =>
        Scenario.Text(number.BusinessNumberId, customer, body);

    public static V1.SendRequest Template(V1.BusinessNumber number, string customer, params string[] parameters) => new()
    {
        BusinessNumberId = number.BusinessNumberId,
        Customer = customer,
        IdempotencyKey = Scenario.NewKey(),
        Template = ShippingUpdateContent(parameters),
    };

    public static V1.SendRequest At(V1.SendRequest request, DateTimeOffset sendAt)
    {
        request.SendAt = Timestamp.FromDateTimeOffset(sendAt);
        return request;
    }

    public async Task<IReadOnlyList<V1.MessageRecord>> Messages(V1.BusinessNumber number, string customer, int limit = 0) =>
        (await api.Conversations.ListMessagesAsync(new V1.ListMessagesRequest
        {
            BusinessNumberId = number.BusinessNumberId,
            Customer = customer,
            Limit = limit,
        })).Messages;

    /// <summary>The one log entry of a conversation, once the fake clock's reminder has taken it out of SCHEDULED.</summary>
    public async Task<V1.MessageRecord> Decided(V1.BusinessNumber number, string customer, string idempotencyKey) =>
        await Eventually.Until(
            async () => (await Messages(number, customer)).Single(m => m.IdempotencyKey == idempotencyKey),
            record => record.Status != V1.MessageStatus.Scheduled);

    /// <summary>What this conversation handed to Meta, oldest first.</summary>
    public IReadOnlyList<OutboundMessage> SentTo(V1.BusinessNumber number, string customer) =>
        [.. api.WhatsApp.SentTo(customer).Where(m => m.BusinessNumberId == number.BusinessNumberId)];

    public static string Rfc3339(DateTimeOffset instant) => global::Conversations.Abstractions.Rfc3339.Format(instant);
}
