using Conversations.Auth;
using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Auth;

/// <summary>
/// One tenant's things, set up by an administrator: a number registered to its WABA and portfolio, an approved
/// template, a customer whose window is open (by the message <see cref="InboundMessageId"/>) and a scheduled send to that customer.
/// </summary>
public sealed record Tenant(string BusinessNumberId, string WabaId, string PortfolioId, string Customer, string ScheduledKey)
{
    public const string TemplateName = "auth_check";

    public const string Language = "en_US";

    /// <summary>The customer's message that opened the window.</summary>
    public string InboundMessageId { get; init; } = "";

    public static async Task<Tenant> Create(ApiFactory api)
    {
        var tenant = new Tenant(TestNumbers.BusinessNumberId(), TestNumbers.WabaId(), TestNumbers.WabaId(), TestNumbers.Customer(), Scenario.NewKey());
        await api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest
        {
            BusinessNumberId = tenant.BusinessNumberId,
            WabaId = tenant.WabaId,
            PortfolioId = tenant.PortfolioId,
        });
        await api.Templates.UpsertTemplateAsync(tenant.Template(V1.TemplateStatus.Approved));
        var now = api.Clock.GetUtcNow();
        var inbound = Scenario.Inbound(tenant.BusinessNumberId, tenant.Customer, now.AddMinutes(-1));
        await api.Conversations.RecordInboundAsync(inbound);
        tenant = tenant with { InboundMessageId = inbound.MessageId };
        var scheduled = Scenario.Text(tenant.BusinessNumberId, tenant.Customer, "later", tenant.ScheduledKey);
        scheduled.SendAt = Timestamp.FromDateTimeOffset(now.AddMinutes(30));
        await api.Conversations.SendAsync(scheduled);
        return tenant;
    }

    /// <summary>A token acting for this tenant's WABA and portfolio, with these scopes, of the caller <paramref name="subject"/>.</summary>
    public string Token(IEnumerable<string> scopes, string subject = ApiFactory.Subject) => ApiFactory.Token(scopes, [WabaId], [PortfolioId], subject: subject);

    public string TokenWithout(string scope) => Token(Scopes.All.Where(s => s != scope));

    public V1.UpsertTemplateRequest Template(V1.TemplateStatus status) => new()
    {
        WabaId = WabaId,
        Name = TemplateName,
        Language = Language,
        Category = V1.TemplateCategory.Utility,
        Status = status,
        Body = "Your order {{1}} has shipped",
    };
}
