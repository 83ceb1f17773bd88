using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Conversations.Grains.Tests;

/// <summary>References built from ids resolved once are the references Orleans builds by reflection on every call.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_reference_from_cached_ids_names_the_same_grain_and_reaches_it()
    {
        var services = fixture.Cluster.Client.ServiceProvider;
        var references = new GrainReferences(fixture.Grains, services.GetRequiredService<GrainInterfaceTypeResolver>(), services.GetRequiredService<GrainInterfaceTypeToGrainTypeResolver>());
        var conversation = await ConversationDriver.Registered(fixture);
        await conversation.InboundNow();
        var key = new ConversationKey(conversation.BusinessNumberId, conversation.Customer).ToString();

        var cached = references.Get<IConversationGrain>(key);
        var again = references.Get<IConversationGrain>(key);
        var number = references.Get<IBusinessNumberGrain>(conversation.BusinessNumberId);

        Assert.Equal(fixture.Grains.GetGrain<IConversationGrain>(key).GetGrainId(), cached.GetGrainId());
        Assert.Equal(cached.GetGrainId(), again.GetGrainId());
        Assert.Equal(fixture.Grains.GetGrain<IBusinessNumberGrain>(conversation.BusinessNumberId).GetGrainId(), number.GetGrainId());
        Assert.True(ConversationDriver.Ok(await cached.Get()).WindowOpen);
    }
}
