namespace Conversations.Meta.Simulator;

/// <summary>What a simulated inbound did: its wamid, its timestamp, and whether the webhook was taken.</summary>
public sealed record SimulatedInboundResult(string Wamid, DateTimeOffset SentAt, bool WebhookDelivered);
