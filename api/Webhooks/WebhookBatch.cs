using Conversations.Api.Webhooks.Events;

namespace Conversations.Api.Webhooks;

/// <summary>Everything one webhook POST said: the events to apply and the parts that were ignored.</summary>
public sealed record WebhookBatch(IReadOnlyList<WebhookEvent> Events, IReadOnlyList<IgnoredEvent> Ignored);
