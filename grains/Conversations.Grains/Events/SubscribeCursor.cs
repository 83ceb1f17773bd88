using System.Globalization;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.Events;

/// <summary>
/// Whether a subscription may resume after a position. A cursor ahead of the feed is none a subscription was ever given.
/// A cursor more than <see cref="EventHubOptions.MaxReplayEvents"/> retained events behind the latest position would
/// stream that much history before going live: refused, saying where to resume. A cursor older than the retained feed
/// is no refusal by itself: within the bound the subscriber gets what is retained and is told it missed the rest.
/// </summary>
public static class SubscribeCursor
{
    /// <returns>Null when the subscription may start after <paramref name="afterPosition"/>.</returns>
    public static Refusal? Check(string businessNumberId, long afterPosition, EventHubStatus feed, int maxReplayEvents)
    {
        var latest = feed.LatestPosition.ToString(CultureInfo.InvariantCulture);
        if (afterPosition < 0 || afterPosition > feed.LatestPosition)
        {
            return Refusal.Of(
                RefusalReason.InvalidField,
                $"after_position {afterPosition} is not a position of business number {businessNumberId}, whose latest is {latest}.",
                ("field", "after_position"),
                ("latest_position", latest));
        }

        // Only what is still retained would be replayed: positions trimmed off the head are not read.
        var replay = feed.LatestPosition - Math.Max(afterPosition, feed.OldestRetainedPosition - 1);
        if (replay <= maxReplayEvents)
        {
            return null;
        }

        var earliest = (feed.LatestPosition - maxReplayEvents).ToString(CultureInfo.InvariantCulture);
        return Refusal.Of(
            RefusalReason.ReplayTooLarge,
            $"after_position {afterPosition} is {replay} retained events behind business number {businessNumberId}'s latest position {latest}; " +
            $"a Subscribe replays at most {maxReplayEvents}. Re-read the conversations you need (GetConversation, ListMessages), then subscribe " +
            $"with after_position {latest} (or none, live only), or with after_position {earliest} or later to replay the newest events.",
            ("field", "after_position"),
            ("max_replay_events", maxReplayEvents.ToString(CultureInfo.InvariantCulture)),
            ("replay_events", replay.ToString(CultureInfo.InvariantCulture)),
            ("latest_position", latest),
            ("min_after_position", earliest));
    }
}
