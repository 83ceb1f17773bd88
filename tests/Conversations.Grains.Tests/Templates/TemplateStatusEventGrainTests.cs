using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Templates;
using Conversations.Grains.BusinessNumbers;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests.Templates;

/// <summary>Which numbers hear of a template's status change: every number its WABA's registry knows.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TemplateStatusEventGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_number_stored_before_registries_knew_their_numbers_joins_its_registry_when_first_used()
    {
        var (number, waba) = (TestNumbers.BusinessNumberId(), TestNumbers.WabaId());
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Conversations);
        await storage.WriteStateAsync(
            "business-number",
            GrainId.Create("business-number", number),
            new GrainState<BusinessNumberState>(new BusinessNumberState { WabaId = waba }));
        var registry = fixture.Grains.GetGrain<ITemplateRegistryGrain>(waba);
        Ok(await registry.Upsert(new TemplateDraft("order_update", "en_US", TemplateCategory.Utility, TemplateStatus.Approved, "Order {{1}} shipped")));

        Assert.Equal(waba, (await fixture.Grains.GetGrain<IBusinessNumberGrain>(number).GetProfile())?.WabaId);
        Ok(await registry.SetStatus("order_update", "en_US", TemplateStatus.Paused));

        var change = Assert.Single(fixture.Events.Events, e => e.BusinessNumberId == number);
        Assert.Equal((ConversationEventKind.TemplateStatusChanged, "order_update", "PAUSED"), (change.Kind, change.TemplateName, change.TemplateStatus));
    }
}
