using System.Diagnostics;
using Conversations.Abstractions.Meta;

namespace Conversations.Grains.Telemetry;

/// <summary>
/// The grains' own spans. Orleans traces every grain call and HttpClient the call to Meta; what only we know is which
/// send a status webhook is about, so a status span links to the send's span by the trace context stored with its wamid.
/// </summary>
public static class ConversationActivities
{
    public const string SourceName = "Conversations.Grains";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The W3C traceparent of the span a send is dispatched in; null when nobody records spans.</summary>
    public static string? CurrentTraceParent() => Activity.Current is { Recorded: true } current ? current.Id : null;

    /// <summary>A span for one status of a message, linked to the span that sent it; null (and free) when nobody listens.</summary>
    public static Activity? Status(StatusUpdate update, string? sentIn)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        ActivityLink[]? links = sentIn is not null && ActivityContext.TryParse(sentIn, null, out var sent) ? [new ActivityLink(sent)] : null;
        var activity = Source.StartActivity("conversation.status", ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag("messaging.message.id", update.Wamid);
        activity?.SetTag("conversations.message.status", update.Status.ToString());
        return activity;
    }
}
