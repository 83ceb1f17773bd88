using Orleans.Concurrency;

namespace Conversations.Abstractions.Events;

/// <summary>A live subscriber of one business number's events, pushed to by its event hub.</summary>
[Alias("conversation-event-observer")]
public interface IConversationEventObserver : IGrainObserver
{
    /// <summary>One-way, so a slow or vanished subscriber never holds up the hub; ranges let it detect a lost push.</summary>
    [OneWay, Alias("on-events")]
    Task OnEvents(EventRange events);
}
