using Conversations.Abstractions.Pricing;

namespace Conversations.Grains.Pricing;

/// <summary>A message's estimate and which monthly ordinals it advances once it is charged.</summary>
public sealed record PricedMessage(ChargeEstimate Estimate, bool CountsAsServiceMessage, bool CountsTowardVolume);
