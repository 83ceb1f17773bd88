using Conversations.Testing;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Streaming;

/// <summary>A template status change reaches the number-wide subscribers of every number of the template's WABA.</summary>
[Collection(ApiCollection.Name)]
public sealed class TemplateStatusEventTests(ApiFactory api)
{
    [Fact]
    public async Task Pausing_a_template_tells_the_subscribers_of_each_number_of_its_WABA_but_not_those_following_one_customer()
    {
        var (waba, numbers) = await WabaWithApprovedTemplate(numbers: 2);
        await using var first = await EventSubscription.Start(api, numbers[0]);
        await using var second = await EventSubscription.Start(api, numbers[1]);
        await using var oneCustomer = await EventSubscription.Start(api, numbers[0], TestNumbers.Customer());

        await api.Templates.SetTemplateStatusAsync(new V1.SetTemplateStatusRequest { WabaId = waba, Name = "order_update", Language = "en_US", Status = V1.TemplateStatus.Paused });
        var events = new[] { await first.WaitFor(V1.ConversationEventKind.TemplateStatusChanged), await second.WaitFor(V1.ConversationEventKind.TemplateStatusChanged) };

        Assert.All(events, received =>
        {
            var change = Assert.Single(received);
            Assert.Equal(("order_update", "en_US", V1.TemplateStatus.Paused, ""), (change.TemplateName, change.TemplateLanguage, change.TemplateStatus, change.Customer));
        });
        Assert.Equal(numbers, events.Select(e => e[0].BusinessNumberId));
        Assert.Empty(oneCustomer.Received);
    }

    [Fact]
    public async Task Setting_the_status_a_template_already_has_announces_nothing()
    {
        var (waba, numbers) = await WabaWithApprovedTemplate(numbers: 1);
        await using var subscription = await EventSubscription.Start(api, numbers[0]);

        await api.Templates.SetTemplateStatusAsync(new V1.SetTemplateStatusRequest { WabaId = waba, Name = "order_update", Language = "en_US", Status = V1.TemplateStatus.Approved });
        await api.Templates.SetTemplateStatusAsync(new V1.SetTemplateStatusRequest { WabaId = waba, Name = "order_update", Language = "en_US", Status = V1.TemplateStatus.Rejected });

        var change = Assert.Single(await subscription.WaitFor(V1.ConversationEventKind.TemplateStatusChanged));
        Assert.Equal(V1.TemplateStatus.Rejected, change.TemplateStatus);
    }

    /// <summary>Numbers registered to one WABA that has an APPROVED order_update template.</summary>
    private async Task<(string Waba, string[] Numbers)> WabaWithApprovedTemplate(int numbers)
    {
        var waba = TestNumbers.WabaId();
        var registered = Enumerable.Range(0, numbers).Select(_ => TestNumbers.BusinessNumberId()).ToArray();
        foreach (var number in registered)
        {
            await api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest { BusinessNumberId = number, WabaId = waba });
        }

        await api.Templates.UpsertTemplateAsync(new V1.UpsertTemplateRequest
        {
            WabaId = waba,
            Name = "order_update",
            Language = "en_US",
            Category = V1.TemplateCategory.Utility,
            Status = V1.TemplateStatus.Approved,
            Body = "Your order {{1}} has shipped",
        });
        return (waba, registered);
    }
}
