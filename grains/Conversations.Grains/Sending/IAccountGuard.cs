using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.Sending;

/// <summary>The number's account signals as they apply to one send: its WABA's restrictions and ban, its quality guard.</summary>
public interface IAccountGuard
{
    /// <summary>The refusal the signals give the send, or whether the quality guard slows it (then <see cref="PaceMarketing"/> decides).</summary>
    (Refusal? Refusal, bool Slowed) Check(SendDecision decision, bool businessInitiated, DateTimeOffset now);

    /// <summary>Takes a place in the slowed marketing rate (a dry run only looks); refused when none is left this second.</summary>
    Task<Refusal?> PaceMarketing(bool dryRun, CancellationToken cancellationToken);
}
