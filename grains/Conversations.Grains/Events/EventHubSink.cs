using Conversations.Abstractions.Events;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Events;

/// <summary>
/// Hands each conversation event to its business number's hub. Awaited, not one-way: the conversation publishes its
/// next event only after the hub logged this one, so one conversation's events keep their order, and a failed hand-off
/// is logged by the conversation instead of vanishing. Bounded in time, so an unreachable hub never holds up a
/// customer's message for the cluster's whole response timeout.
/// </summary>
public sealed class EventHubSink(IGrainFactory grains, IOptions<EventHubOptions> options, LivenessClock liveness) : IConversationEventSink
{
    public async Task Publish(PublishedEvent conversationEvent)
    {
        using var timeout = new CancellationTokenSource(options.Value.AppendTimeout, liveness.Time);
        await grains.GetGrain<IConversationEventHubGrain>(conversationEvent.BusinessNumberId).Append(conversationEvent, timeout.Token);
    }
}
