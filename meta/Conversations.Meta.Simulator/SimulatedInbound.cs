namespace Conversations.Meta.Simulator;

/// <summary>
/// A simulated customer writing to a business number: <c>POST /simulator/inbound</c>. <see cref="From"/> is empty for a
/// username user Meta names only by <see cref="UserId"/>.
/// </summary>
public sealed record SimulatedInbound(string PhoneNumberId, string From, string Text)
{
    /// <summary>The customer's profile name; "Simulated Customer" when absent.</summary>
    public string? Name { get; init; }

    /// <summary>A business-scoped user id (BSUID) to report next to the wa_id, or alone.</summary>
    public string? UserId { get; init; }

    /// <summary>"ad" or "post": the customer came through a free entry point.</summary>
    public string? ReferralSourceType { get; init; }

    /// <summary>When the customer wrote; now when absent. An earlier time simulates an old message.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The WABA the number belongs to; remembered for this number's later webhooks.</summary>
    public string? WabaId { get; init; }
}
