using Conversations.Abstractions;
using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Sending;

namespace Conversations.Grains.Signals;

/// <summary>
/// What Meta's account signals allow one send, before anything is taken for it: a disabled WABA sends nothing, a
/// restriction stops the messaging it names (business-initiated: a template outside the window; customer-initiated:
/// everything inside it), and the quality guard acts on marketing of a number whose rating fell.
/// </summary>
public static class AccountGuard
{
    /// <summary>The refusal, or the quality guard's action on the send (Allow when it does not apply).</summary>
    public static (Refusal? Refusal, QualityGuardAction Action) Check(
        BusinessNumberProfile profile,
        SendDecision decision,
        bool businessInitiated,
        DateTimeOffset now,
        QualityGuardOptions guard)
    {
        var standing = profile.Standing;
        if (standing.BannedAt(now))
        {
            return (Refusal.Of(
                RefusalReason.AccountBanned,
                $"Meta disabled WABA {profile.WabaId}; nothing can be sent from business number {profile.BusinessNumberId} unless Meta reinstates it.",
                ("waba_id", profile.WabaId),
                ("ban_state", BanStateName(standing.Ban)),
                ("ban_date", standing.BanDate is { } date ? Rfc3339.Format(date) : "")), QualityGuardAction.Allow);
        }

        var type = businessInitiated ? AccountRestriction.BusinessInitiatedMessaging : AccountRestriction.CustomerInitiatedMessaging;
        if (standing.Restriction(type, now) is { } restriction)
        {
            var what = businessInitiated ? "business-initiated messages (templates outside the customer service window)" : "replies inside the customer service window";
            var until = restriction.Expires is { } expires ? $"until {Rfc3339.Format(expires)}" : "until Meta lifts it";
            return (Refusal.Of(
                RefusalReason.AccountRestricted,
                $"Meta restricted WABA {profile.WabaId} from sending {what} {until}.",
                ("waba_id", profile.WabaId),
                ("restriction_type", restriction.Type),
                ("expires_at", restriction.Expires is { } at ? Rfc3339.Format(at) : "")), QualityGuardAction.Allow);
        }

        var action = AudiencePolicy.IsMarketing(decision.Category) ? ActionAt(profile.Quality, guard) : QualityGuardAction.Allow;
        return action == QualityGuardAction.Pause
            ? (Refusal.Of(
                RefusalReason.QualityGuardPaused,
                $"Business number {profile.BusinessNumberId} is rated {RatingName(profile.Quality)}; the quality guard pauses its marketing until the rating recovers. Utility, authentication and replies still go.",
                ("business_number_id", profile.BusinessNumberId),
                ("quality_rating", RatingName(profile.Quality))), action)
            : (null, action);
    }

    /// <summary>The refusal of a marketing send over the slowed rate.</summary>
    public static Refusal Slowed(BusinessNumberProfile profile, int perSecond, TimeSpan retryAfter) => Refusal.Of(
        RefusalReason.QualityGuardSlowed,
        $"Business number {profile.BusinessNumberId} is rated {RatingName(profile.Quality)}; the quality guard lets its marketing go at {perSecond} per second.",
        ("business_number_id", profile.BusinessNumberId),
        ("quality_rating", RatingName(profile.Quality)),
        ("per_second", FieldRules.Invariant(perSecond)),
        ("retry_after", AudiencePolicy.Seconds(retryAfter)));

    public static QualityGuardAction ActionAt(QualityRating quality, QualityGuardOptions guard) => quality switch
    {
        QualityRating.Yellow => guard.Yellow,
        QualityRating.Red => guard.Red,
        QualityRating.Flagged => guard.Flagged,
        _ => QualityGuardAction.Allow,
    };

    /// <summary>GREEN, YELLOW, RED, FLAGGED, UNKNOWN: Meta's spelling.</summary>
    public static string RatingName(QualityRating quality) => quality.ToString().ToUpperInvariant();

    /// <summary>DISABLE, SCHEDULE_FOR_DISABLE, NONE: Meta's spelling.</summary>
    public static string BanStateName(WabaBanState ban) => ban switch
    {
        WabaBanState.Disable => "DISABLE",
        WabaBanState.ScheduleForDisable => "SCHEDULE_FOR_DISABLE",
        _ => "NONE",
    };
}
