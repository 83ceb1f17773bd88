namespace Conversations.Grains.Pricing;

/// <summary>A volume tier: once <see cref="FromMessages"/> messages of the month were charged, the next ones cost <see cref="Rate"/>.</summary>
public sealed record VolumeTier(long FromMessages, decimal Rate);
