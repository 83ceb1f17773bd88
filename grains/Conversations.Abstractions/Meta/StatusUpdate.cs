using Conversations.Abstractions.Messages;

namespace Conversations.Abstractions.Meta;

/// <summary>One entry of a status webhook for a message we sent: sent, delivered, read or failed.</summary>
[GenerateSerializer, Immutable]
[Alias("status-update")]
public sealed record StatusUpdate(
    [property: Id(0)] string Wamid,
    [property: Id(1)] MessageStatus Status,
    [property: Id(2)] DateTimeOffset Timestamp,
    [property: Id(3)] MetaError? Error,
    [property: Id(4)] PricingReport? Pricing);
