using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Grains.Events;
using Conversations.Testing;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Conversations.Grains.Tests.Events;

/// <summary>An embedded silo whose feed keeps at most 200,000 bytes of each number's events, fed customers' long texts.</summary>
public sealed class EventFeedBudgetTests : IAsyncLifetime
{
    private const long Budget = 200_000;
    private const int TextLength = 20_000;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await InMemoryCluster.Start(
        _clock,
        settings: new Dictionary<string, string?> { ["Conversations:Events:RetainedBytes"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task After_many_long_texts_the_feed_stays_within_its_bytes_and_keeps_the_newest_events_whole()
    {
        // Arrange
        var number = TestNumbers.BusinessNumberId();
        Assert.True((await _cluster.Client.GetGrain<IBusinessNumberGrain>(number).Register(TestNumbers.WabaId())).Succeeded);
        var customers = Enumerable.Range(0, 3).Select(_ => TestNumbers.Customer()).ToList();
        var hub = _cluster.Client.GetGrain<IConversationEventHubGrain>(number);
        var texts = new List<string>();

        // Act: sixty inbound messages of 20,000 characters, each an event (and each customer's first opens the window).
        for (var i = 0; i < 60; i++)
        {
            var text = $"{i:D4}" + new string((char)('a' + i % 26), TextLength - 4);
            texts.Add(text);
            var recorded = await _cluster.Client.GetGrain<IConversationGrain>(new ConversationKey(number, customers[i % 3]).ToString())
                .RecordInbound(new InboundMessage($"wamid.{Guid.NewGuid():N}", _clock.GetUtcNow(), InboundMessageType.Text, text));
            Assert.True(recorded.Succeeded, recorded.Refusal?.Message);
            Assert.InRange((await hub.GetStatus()).RetainedBytes, 1, Budget);
        }

        var status = await hub.GetStatus();
        var retained = await hub.Read(0, null, 1_000);

        // Assert: within the budget, but not far below it (the oldest went, one at a time); the newest events whole.
        Assert.Equal(63, status.LatestPosition);
        Assert.InRange(status.RetainedBytes, Budget - 2 * TextLength, Budget);
        Assert.True(retained.Truncated);
        Assert.Equal(Enumerable.Range((int)status.OldestRetainedPosition, status.RetainedEvents).Select(p => (long)p), retained.Events.Select(e => e.Position));
        var inbound = retained.Events.Where(e => e.Event.Kind == ConversationEventKind.InboundMessage).Select(e => e.Event.Text).ToList();
        Assert.True(inbound.Count >= 8, $"only {inbound.Count} messages retained");
        Assert.Equal(texts.TakeLast(inbound.Count), inbound);
    }
}
