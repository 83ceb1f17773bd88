using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Grains.Events;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Conversations.Grains.Tests.Events;

/// <summary>Two silos: what the api co-hosted on one silo sees of a conversation living on the other.</summary>
public sealed class CrossSiloEventTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await InMemoryCluster.Start(_clock, silos: 2);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task An_event_raised_on_one_silo_reaches_a_subscriber_attached_on_the_other()
    {
        // Arrange: a subscriber attached through silo A's own services, as the api co-hosted there attaches.
        var siloA = _cluster.Silos[0];
        var siloB = _cluster.Silos[1];
        var number = TestNumbers.BusinessNumberId();
        Assert.True((await _cluster.Client.GetGrain<IBusinessNumberGrain>(number).Register(TestNumbers.WabaId())).Succeeded);
        var (customer, conversation) = await ConversationActiveOn(siloB.SiloAddress, number);
        var hub = _cluster.Client.GetGrain<IConversationEventHubGrain>(number);
        var feeds = siloA.ServiceProvider.GetRequiredService<EventFeeds>();
        await using var subscriber = await FeedRecorder.Start(feeds, number, customer);

        // Act: the conversation on silo B records an inbound message.
        await conversation.RecordInbound(new InboundMessage($"wamid.{Guid.NewGuid():N}", _clock.GetUtcNow(), InboundMessageType.Text, "hola"));
        var events = await subscriber.WaitFor(1, ConversationEventKind.WindowOpened);

        // Assert
        Assert.Equal(siloB.SiloAddress, await Management.GetActivationAddress(conversation));
        Assert.Equal([ConversationEventKind.InboundMessage, ConversationEventKind.WindowOpened], events.Select(e => e.Event.Kind));
        Assert.Equal("hola", events[0].Event.Text);
        Assert.Equal(1, (await hub.GetStatus()).Subscribers);
    }

    private IManagementGrain Management => _cluster.Client.GetGrain<IManagementGrain>(0);

    /// <summary>Placement is the cluster's choice: open conversations until one lands on the wanted silo.</summary>
    private async Task<(string Customer, IConversationGrain Grain)> ConversationActiveOn(SiloAddress silo, string number)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var customer = TestNumbers.Customer();
            var grain = _cluster.Client.GetGrain<IConversationGrain>(new ConversationKey(number, customer).ToString());
            await grain.Get();
            if (await Management.GetActivationAddress(grain) == silo)
            {
                return (customer, grain);
            }
        }

        throw new InvalidOperationException($"No conversation was placed on {silo} in 50 attempts.");
    }
}
