using System.Collections.Immutable;
using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.BusinessNumbers;
using Conversations.Grains.Events;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Signals;

/// <summary>
/// Applies one WABA's account signals: to its numbers (quality, standing: each number tells its own subscribers) and
/// their portfolios (messaging limit: told here to the subscribers of the portfolio's numbers in this WABA), each stored
/// where sends read it before it is told. The WABA's standing is kept here too, so a number that joins the WABA later
/// takes it.
/// </summary>
[GrainType("account-signals")]
public sealed class AccountSignalsGrain(
    [PersistentState("account-signals", StorageNames.Conversations)] IPersistentState<AccountSignalsState> state,
    TimeProvider time,
    IEnumerable<IConversationEventSink> eventSinks,
    ILogger<AccountSignalsGrain> logger)
    : Grain, IAccountSignalsGrain
{
    private readonly IConversationEventSink[] _eventSinks = [.. eventSinks];

    private string WabaId => this.GetPrimaryKeyString();

    public async Task<Result<int>> ApplyQuality(string displayPhoneNumber, QualityRating? quality, string? messagingLimit, CancellationToken cancellationToken = default)
    {
        var digits = DisplayPhoneNumbers.Normalize(displayPhoneNumber);
        var profiles = await Profiles(cancellationToken);
        if (profiles.FirstOrDefault(p => digits is not null && (p.DisplayPhoneNumber == digits || p.BusinessNumberId == digits)) is not { } number)
        {
            return Refusal.Of(
                RefusalReason.UnknownBusinessNumber,
                $"WABA {WabaId} has no registered business number displayed as {displayPhoneNumber}; register it with its display_phone_number.",
                ("waba_id", WabaId),
                ("display_phone_number", displayPhoneNumber));
        }

        var changed = 0;
        if (quality is { } rating && rating != number.Quality)
        {
            var set = await GrainFactory.GetGrain<IBusinessNumberGrain>(number.BusinessNumberId).SetQuality(rating, cancellationToken);
            if (!set.Succeeded)
            {
                return set.Refusal;
            }

            changed++;
        }

        if (messagingLimit is not null)
        {
            var limited = await SetMessagingLimit(number.PortfolioId, messagingLimit, profiles, cancellationToken);
            if (!limited.Succeeded)
            {
                return limited.Refusal;
            }

            changed += limited.Value;
        }

        return Result<int>.Ok(changed);
    }

    public async Task<Result<int>> ApplyMessagingLimit(string messagingLimit, CancellationToken cancellationToken = default)
    {
        var profiles = await Profiles(cancellationToken);
        // A WABA's portfolio is its numbers'; one without numbers yet is its own portfolio, as its first number will be by default.
        var portfolios = profiles.Select(p => p.PortfolioId).DefaultIfEmpty(WabaId).Distinct(StringComparer.Ordinal);
        var changed = 0;
        foreach (var portfolio in portfolios)
        {
            var limited = await SetMessagingLimit(portfolio, messagingLimit, profiles, cancellationToken);
            if (!limited.Succeeded)
            {
                return limited.Refusal;
            }

            changed += limited.Value;
        }

        return Result<int>.Ok(changed);
    }

    public async Task<Result<int>> ApplyRestrictions(ImmutableArray<AccountRestriction> restrictions, DateTimeOffset? reportedAt, CancellationToken cancellationToken = default)
    {
        if (Stale(state.State.RestrictionsReportedAt, reportedAt))
        {
            return Result<int>.Ok(0);
        }

        state.State.RestrictionsReportedAt = reportedAt ?? state.State.RestrictionsReportedAt;
        return await ApplyStanding(CurrentStanding with { Restrictions = restrictions }, cancellationToken);
    }

    public async Task<Result<int>> ApplyBan(WabaBanState ban, DateTimeOffset? banDate, DateTimeOffset? reportedAt, CancellationToken cancellationToken = default)
    {
        if (Stale(state.State.BanReportedAt, reportedAt))
        {
            return Result<int>.Ok(0);
        }

        state.State.BanReportedAt = reportedAt ?? state.State.BanReportedAt;
        return await ApplyStanding(CurrentStanding with { Ban = ban, BanDate = ban == WabaBanState.None ? null : banDate }, cancellationToken);
    }

    public Task<AccountStanding> Standing(CancellationToken cancellationToken = default) => Task.FromResult(CurrentStanding);

    private AccountStanding CurrentStanding => state.State.Standing ?? AccountStanding.Good;

    /// <summary>Reported before the one applied; a report without a time is applied, as Meta's reference always gives one.</summary>
    private static bool Stale(DateTimeOffset? applied, DateTimeOffset? reported) => applied is { } last && reported is { } at && at < last;

    /// <summary>Stored here first, so a number registered while its own write fails still takes it; then every number, then the event.</summary>
    private async Task<Result<int>> ApplyStanding(AccountStanding standing, CancellationToken cancellationToken)
    {
        state.State.Standing = standing == AccountStanding.Good ? null : standing;
        await state.WriteStateAsync(cancellationToken);

        var changed = new List<string>();
        foreach (var profile in await Profiles(cancellationToken))
        {
            if (profile.Standing == standing)
            {
                continue;
            }

            var set = await GrainFactory.GetGrain<IBusinessNumberGrain>(profile.BusinessNumberId).SetStanding(standing, cancellationToken);
            if (set.Succeeded)
            {
                changed.Add(profile.BusinessNumberId);
            }
        }

        return Result<int>.Ok(changed.Count);
    }

    private async Task<Result<int>> SetMessagingLimit(string portfolioId, string messagingLimit, IReadOnlyList<BusinessNumberProfile> profiles, CancellationToken cancellationToken)
    {
        var limit = GrainFactory.GetGrain<IMessagingLimitGrain>(portfolioId);
        var before = await limit.Status(cancellationToken);
        var after = await limit.SetTier(messagingLimit, cancellationToken);
        if (!after.Succeeded)
        {
            return after.Refusal;
        }

        if (after.Value.Tier == before.Tier)
        {
            return Result<int>.Ok(0);
        }

        var numbers = profiles.Where(p => p.PortfolioId == portfolioId).Select(p => p.BusinessNumberId).ToList();
        await Announce(numbers, ConversationEventKind.MessagingLimitChanged, e => e with { MessagingLimit = MessagingLimitTier.Name(after.Value.Tier) });
        return Result<int>.Ok(numbers.Count);
    }

    private async Task<IReadOnlyList<BusinessNumberProfile>> Profiles(CancellationToken cancellationToken)
    {
        if (!MetaId.WabaId(WabaId).Succeeded)
        {
            return [];
        }

        var numbers = await GrainFactory.GetGrain<ITemplateRegistryGrain>(WabaId).BusinessNumbers(cancellationToken);
        var profiles = await Task.WhenAll(numbers.Select(n => GrainFactory.GetGrain<IBusinessNumberGrain>(n).GetProfile(cancellationToken)));
        // A number that moved away since the registry listed it is no longer this WABA's.
        return [.. profiles.OfType<BusinessNumberProfile>().Where(p => p.WabaId == WabaId)];
    }

    /// <summary>Told after it is stored; a failed delivery is logged and never undoes the change.</summary>
    private Task Announce(IReadOnlyList<string> numbers, ConversationEventKind kind, Func<PublishedEvent, PublishedEvent> fill)
    {
        var now = time.GetUtcNow();
        var changes = numbers.Select(number => fill(new PublishedEvent(number, "", 0, kind, now))).ToList();
        return EventSinkPublishing.PublishEach(_eventSinks, changes, (e, change) => logger.LogWarning(
            e, "Telling {BusinessNumberId} of its {Kind} failed", change.BusinessNumberId, change.Kind));
    }
}
