using System.Collections.Concurrent;
using Conversations.Abstractions.Events;

namespace Conversations.Testing;

/// <summary>Collects what conversations publish, for tests of the events themselves.</summary>
public sealed class RecordingEventSink : IConversationEventSink
{
    public ConcurrentQueue<PublishedEvent> Events { get; } = new();

    public IReadOnlyList<PublishedEvent> Of(string businessNumberId, string customer) =>
        [.. Events.Where(e => e.BusinessNumberId == businessNumberId && e.Customer == customer).OrderBy(e => e.Sequence)];

    public Task Publish(PublishedEvent conversationEvent)
    {
        Events.Enqueue(conversationEvent);
        return Task.CompletedTask;
    }
}
