namespace Conversations.Api.Webhooks.Events;

/// <summary>One thing a webhook POST reports, parsed and ready for its grain; a POST may batch hundreds.</summary>
public abstract record WebhookEvent
{
    /// <summary>A low-cardinality name for metrics and logs: inbound_message, status, ...</summary>
    public abstract string Kind { get; }

    /// <summary>What the event is about, safe to log: customer numbers masked.</summary>
    public abstract string Subject { get; }

    /// <summary>The event's JSON as Meta sent it (the message, status, call or change value), kept if it ends in the dead letters.</summary>
    public string Raw { get; init; } = "";
}
