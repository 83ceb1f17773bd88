namespace Conversations.Api.Webhooks.Events;

/// <summary>The customer stopped or resumed marketing messages (a "user_preferences" change).</summary>
public sealed record MarketingPreferenceChanged(string? BusinessNumberId, string? Customer, bool OptedOut, DateTimeOffset At)
    : ConversationEvent(BusinessNumberId, Customer)
{
    public override string Kind => "marketing_preference";
}
