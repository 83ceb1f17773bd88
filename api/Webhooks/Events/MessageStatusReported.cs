using Conversations.Abstractions.Meta;

namespace Conversations.Api.Webhooks.Events;

/// <summary>Meta reports where a message we sent stands (statuses[] of a "messages" change).</summary>
public sealed record MessageStatusReported(string? BusinessNumberId, string? Customer, StatusUpdate Update)
    : ConversationEvent(BusinessNumberId, Customer)
{
    public const string EventKind = "status";

    public override string Kind => EventKind;
}
