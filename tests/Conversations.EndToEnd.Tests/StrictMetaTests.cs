using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests;

/// <summary>
/// Against a simulator as strict as Meta: every limit this service claims to enforce is enforced before Meta, so Meta
/// never refuses one of our sends for it; and the templates Meta holds are the ones the registry holds after a sync.
/// </summary>
[Collection(LoopbackCollection.Name)]
public sealed class StrictMetaTests(LoopbackApi api)
{
    private readonly LoopbackScenario _scenario = new(api);

    private static V1.SendRequest Template(V1.BusinessNumber number, string customer, string name) => new()
    {
        BusinessNumberId = number.BusinessNumberId,
        Customer = customer,
        IdempotencyKey = "key-" + Guid.NewGuid().ToString("N"),
        Template = new V1.TemplateContent { Name = name, Language = "en_US", Parameters = { "A-1042" } },
    };

    [Fact]
    public async Task The_pair_rate_is_enforced_here_so_Meta_takes_all_45_sends_to_one_customer_and_never_answers_131056()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var template = await _scenario.ApprovedTemplate(number.WabaId);
        var customer = TestNumbers.Customer();

        // Act
        var outcomes = new List<StatusCode>();
        for (var i = 0; i < 46; i++)
        {
            try
            {
                await api.Conversations.SendAsync(Template(number, customer, template));
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                outcomes.Add(e.StatusCode);
            }
        }

        var atMeta = await api.Simulator.SendsTo(customer);

        // Assert
        Assert.Equal(45, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(StatusCode.ResourceExhausted, outcomes[^1]);
        Assert.Equal(45, atMeta.Count);
        Assert.All(atMeta, send => Assert.Equal(200, (int)send["status_code"]!));
    }

    [Fact]
    public async Task A_marketing_template_to_a_US_customer_is_refused_here_and_never_reaches_Meta()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        await api.Templates.UpsertTemplateAsync(new V1.UpsertTemplateRequest
        {
            WabaId = number.WabaId,
            Name = "spring_sale",
            Language = "en_US",
            Category = V1.TemplateCategory.Marketing,
            Status = V1.TemplateStatus.Approved,
            Body = "Spring sale: {{1}} off everything",
        });
        var customer = TestNumbers.Customer();

        // Act
        await Refused.With(StatusCode.FailedPrecondition, "MARKETING_REGION_BLOCKED", () => api.Conversations.SendAsync(Template(number, customer, "spring_sale")).ResponseAsync);

        // Assert
        Assert.Empty(await api.Simulator.SendsTo(customer));
    }

    [Fact]
    public async Task Templates_Meta_approved_are_synced_sent_and_once_Meta_pauses_one_refused_here_before_Meta_answers_132015()
    {
        // Arrange: Meta knows the number's WABA and approves a template submitted to it.
        var number = await _scenario.RegisterNumber();
        await api.Simulator.Number(number.BusinessNumberId, number.WabaId);
        await api.Simulator.SubmitTemplate(number.WabaId, "order_update", "Your order {{1}} has shipped");
        var template = await Eventually.Until(
            async () =>
            {
                await api.Templates.SyncTemplatesAsync(new V1.SyncTemplatesRequest { WabaId = number.WabaId });
                return (await api.Templates.GetTemplateAsync(new V1.GetTemplateRequest { WabaId = number.WabaId, Name = "order_update", Language = "en_US" })).Template;
            },
            t => t.Status == V1.TemplateStatus.Approved,
            LoopbackScenario.Bound);
        var (customer, other) = (TestNumbers.Customer(), TestNumbers.Customer());

        // Act
        var sent = await api.Conversations.SendAsync(Template(number, customer, "order_update"));
        await api.Simulator.TemplateStatus(number.WabaId, "order_update", "PAUSED");

        // Assert
        Assert.Equal(V1.TemplateCategory.Utility, template.Category);
        Assert.StartsWith("wamid.SIM", sent.Receipt.Wamid, StringComparison.Ordinal);
        await Refused.With(StatusCode.FailedPrecondition, "TEMPLATE_PAUSED", () => api.Conversations.SendAsync(Template(number, other, "order_update")).ResponseAsync);
        Assert.Empty(await api.Simulator.SendsTo(other));
    }

    [Fact]
    public async Task A_ban_Meta_posts_through_the_simulators_operator_endpoint_refuses_the_next_send_here()
    {
        // Arrange
        var (number, customer) = await _scenario.CustomerWrote();
        var template = await _scenario.ApprovedTemplate(number.WabaId);
        var before = await api.Conversations.SendAsync(LoopbackScenario.Text(number, customer, "Your order ships today."));
        // A conversation rereads its number's standing within a minute; a new one at once (README, "Account signals").
        var newCustomer = TestNumbers.Customer();

        // Act
        await api.Simulator.Signal(number.WabaId, "account_update", new System.Text.Json.Nodes.JsonObject
        {
            ["event"] = "DISABLED_UPDATE",
            ["ban_info"] = new System.Text.Json.Nodes.JsonObject { ["waba_ban_state"] = "DISABLE", ["waba_ban_date"] = "2026-11-25" },
        });

        // Assert
        Assert.StartsWith("wamid.SIM", before.Receipt.Wamid, StringComparison.Ordinal);
        await Refused.With(StatusCode.FailedPrecondition, "ACCOUNT_BANNED", () => api.Conversations.SendAsync(Template(number, newCustomer, template)).ResponseAsync);
        Assert.Empty(await api.Simulator.SendsTo(newCustomer));
    }
}
