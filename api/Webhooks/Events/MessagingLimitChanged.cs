namespace Conversations.Api.Webhooks.Events;

/// <summary>A "business_capability_update": the portfolio's messaging limit ("250" ... "unlimited").</summary>
public sealed record MessagingLimitChanged(string? WabaId, string MessagingLimit) : AccountEvent(WabaId)
{
    public override string Kind => "messaging_limit";
}
