using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Events;
using Conversations.Grains.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.BusinessNumbers;

[GrainType("business-number")]
public sealed class BusinessNumberGrain(
    [PersistentState("business-number", StorageNames.Conversations)] IPersistentState<BusinessNumberState> state,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    IEnumerable<IConversationEventSink> eventSinks,
    ILogger<BusinessNumberGrain> logger)
    : Grain, IBusinessNumberGrain
{
    private readonly LimitOptions _limits = options.Value.Limits;
    private readonly IConversationEventSink[] _eventSinks = [.. eventSinks];

    /// <summary>Numbers registered before template registries tracked their numbers introduce themselves on first use.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State is { WabaId: { } waba, KnownToTemplateRegistry: false })
        {
            // Already registered: admitted whatever the WABA's quota of numbers says now.
            await GrainFactory.GetGrain<ITemplateRegistryGrain>(waba).AddBusinessNumber(this.GetPrimaryKeyString(), cancellationToken);
            state.State.KnownToTemplateRegistry = true;
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<Result<string>> Register(string wabaId, CancellationToken cancellationToken = default)
    {
        var profile = await Configure(new BusinessNumberSettings(wabaId), cancellationToken);
        return profile.Succeeded ? Result<string>.Ok(profile.Value.WabaId) : profile.Refusal;
    }

    public async Task<Result<BusinessNumberProfile>> Configure(BusinessNumberSettings settings, CancellationToken cancellationToken = default)
    {
        var waba = MetaId.WabaId(settings.WabaId);
        if (!waba.Succeeded)
        {
            return waba.Refusal;
        }

        var portfolio = settings.PortfolioId is null ? Result<string>.Ok(waba.Value) : MetaId.PortfolioId(settings.PortfolioId);
        if (!portfolio.Succeeded)
        {
            return portfolio.Refusal;
        }

        if (settings.ThroughputPerSecond is { } perSecond && (perSecond < 1 || perSecond > _limits.MaxThroughputPerSecond))
        {
            return FieldRules.Invalid(
                "throughput_per_second",
                "range",
                $"throughput_per_second must be 1 to {_limits.MaxThroughputPerSecond} messages per second.");
        }

        if (settings.Quality is { } quality && !Enum.IsDefined(quality))
        {
            return FieldRules.Invalid("quality_rating", "enum", "quality_rating must be QUALITY_UNKNOWN, QUALITY_GREEN, QUALITY_YELLOW, QUALITY_RED or QUALITY_FLAGGED.");
        }

        var display = settings.DisplayPhoneNumber is null ? null : DisplayPhoneNumbers.Normalize(settings.DisplayPhoneNumber);
        if (settings.DisplayPhoneNumber is not null && display is null)
        {
            return FieldRules.Invalid("display_phone_number", "digits", "display_phone_number must be 5 to 20 digits, optionally with +, spaces or dashes.");
        }

        // Conversations cache their number's WABA and portfolio; moving a number would silently switch the template
        // set and the messaging limit under them.
        if (state.State.WabaId is { } existing && existing != waba.Value)
        {
            return Conflict("WABA", existing, "waba_id");
        }

        var currentPortfolio = state.State.WabaId is null ? null : state.State.PortfolioId ?? state.State.WabaId;
        if (currentPortfolio is not null && settings.PortfolioId is not null && currentPortfolio != portfolio.Value)
        {
            return Conflict("portfolio", currentPortfolio, "portfolio_id");
        }

        // Before this number's own write, so a failed registration retried later still reaches the registry; a WABA
        // that has its most numbers refuses it, and nothing is written.
        if (state.State.WabaId is null && await JoinTemplateRegistry(waba.Value, cancellationToken) is { } full)
        {
            return full;
        }

        if (state.State.WabaId is null)
        {
            await TakeStanding(waba.Value, cancellationToken);
        }

        var before = (state.State.WabaId, state.State.PortfolioId, state.State.ThroughputPerSecond, state.State.Quality, state.State.DisplayPhoneNumber, state.State.Standing);
        state.State.WabaId = waba.Value;
        state.State.PortfolioId = currentPortfolio ?? portfolio.Value;
        state.State.ThroughputPerSecond = settings.ThroughputPerSecond ?? state.State.ThroughputPerSecond;
        state.State.Quality = settings.Quality ?? state.State.Quality;
        state.State.DisplayPhoneNumber = display ?? state.State.DisplayPhoneNumber;
        if (before != (state.State.WabaId, state.State.PortfolioId, state.State.ThroughputPerSecond, state.State.Quality, state.State.DisplayPhoneNumber, state.State.Standing))
        {
            await state.WriteStateAsync(cancellationToken);
            if (before.WabaId is not null && before.Quality != state.State.Quality)
            {
                await Announce(QualityChanged(state.State.Quality));
            }

            if (before.ThroughputPerSecond != state.State.ThroughputPerSecond)
            {
                await GrainFactory.GetGrain<IThroughputPacerGrain>(this.GetPrimaryKeyString()).SetRate(Profile()!.ThroughputPerSecond, CancellationToken.None);
            }
        }

        return Result<BusinessNumberProfile>.Ok(Profile()!);
    }

    public async Task<Result<BusinessNumberProfile>> Move(string wabaId, string? portfolioId, CancellationToken cancellationToken = default)
    {
        var waba = MetaId.WabaId(wabaId);
        if (!waba.Succeeded)
        {
            return waba.Refusal;
        }

        var portfolio = portfolioId is null ? waba : MetaId.PortfolioId(portfolioId);
        if (!portfolio.Succeeded)
        {
            return portfolio.Refusal;
        }

        if (state.State.WabaId is not { } previous)
        {
            return NotRegistered();
        }

        // The registries first, then this number: if a step fails, the same call again completes the move. Joining goes
        // first, so a WABA that has its most numbers refuses the move while the number is still where it was.
        if (previous != waba.Value)
        {
            if (await JoinTemplateRegistry(waba.Value, cancellationToken) is { } full)
            {
                return full;
            }

            await LeaveTemplateRegistry(previous, cancellationToken);
            await TakeStanding(waba.Value, cancellationToken);
        }

        state.State.WabaId = waba.Value;
        state.State.PortfolioId = portfolio.Value;
        await state.WriteStateAsync(cancellationToken);
        return Result<BusinessNumberProfile>.Ok(Profile()!);
    }

    public async Task<Result<BusinessNumberProfile>> Release(CancellationToken cancellationToken = default)
    {
        if (Profile() is not { } released)
        {
            return NotRegistered();
        }

        await LeaveTemplateRegistry(released.WabaId, cancellationToken);
        state.State = new BusinessNumberState();
        await state.WriteStateAsync(cancellationToken);
        // A later registration without throughput_per_second gets the default, not the released number's pace.
        await GrainFactory.GetGrain<IThroughputPacerGrain>(this.GetPrimaryKeyString()).SetRate(_limits.DefaultThroughputPerSecond, CancellationToken.None);
        return Result<BusinessNumberProfile>.Ok(released);
    }

    public Task<Result<BusinessNumberProfile>> SetQuality(QualityRating quality, CancellationToken cancellationToken = default) =>
        Signal(
            number =>
            {
                var changed = number.Quality != quality;
                number.Quality = quality;
                return changed ? QualityChanged(quality) : null;
            },
            cancellationToken);

    public Task<Result<BusinessNumberProfile>> SetStanding(AccountStanding standing, CancellationToken cancellationToken = default) =>
        Signal(
            number =>
            {
                var stored = standing == AccountStanding.Good ? null : standing;
                var changed = number.Standing != stored;
                number.Standing = stored;
                return changed ? NumberEvent(ConversationEventKind.AccountStandingChanged) with { Standing = standing } : null;
            },
            cancellationToken);

    /// <summary>Applies one of Meta's signals to a registered number; <paramref name="apply"/> returns the event of what it changed.</summary>
    private async Task<Result<BusinessNumberProfile>> Signal(Func<BusinessNumberState, PublishedEvent?> apply, CancellationToken cancellationToken)
    {
        if (state.State.WabaId is null)
        {
            return NotRegistered();
        }

        if (apply(state.State) is { } change)
        {
            await state.WriteStateAsync(cancellationToken);
            await Announce(change);
        }

        return Result<BusinessNumberProfile>.Ok(Profile()!);
    }

    private PublishedEvent QualityChanged(QualityRating quality) => NumberEvent(ConversationEventKind.QualityChanged) with { Quality = quality };

    /// <summary>A number-wide event (no customer): only subscribers of the whole number get it.</summary>
    private PublishedEvent NumberEvent(ConversationEventKind kind) => new(this.GetPrimaryKeyString(), "", 0, kind, time.GetUtcNow());

    /// <summary>Told after it is stored; a failed delivery is logged and never undoes the change.</summary>
    private Task Announce(PublishedEvent change) =>
        EventSinkPublishing.PublishEach(_eventSinks, [change], (e, _) => logger.LogWarning(
            e, "Telling the subscribers of {BusinessNumberId} of its {Kind} failed", change.BusinessNumberId, change.Kind));

    public Task<string?> GetWabaId(CancellationToken cancellationToken = default) => Task.FromResult(state.State.WabaId);

    public Task<BusinessNumberProfile?> GetProfile(CancellationToken cancellationToken = default) => Task.FromResult(Profile());

    private BusinessNumberProfile? Profile() => state.State.WabaId is { } waba
        ? new BusinessNumberProfile(
            this.GetPrimaryKeyString(),
            waba,
            state.State.PortfolioId ?? waba,
            state.State.ThroughputPerSecond ?? _limits.DefaultThroughputPerSecond,
            state.State.Quality)
        {
            DisplayPhoneNumber = state.State.DisplayPhoneNumber,
            Standing = state.State.Standing ?? AccountStanding.Good,
        }
        : null;

    private async Task<Refusal?> JoinTemplateRegistry(string waba, CancellationToken cancellationToken)
    {
        if (await GrainFactory.GetGrain<ITemplateRegistryGrain>(waba).AdmitBusinessNumber(this.GetPrimaryKeyString(), cancellationToken) is { } full)
        {
            return full;
        }

        state.State.KnownToTemplateRegistry = true;
        return null;
    }

    /// <summary>A number joining a WABA is under whatever Meta last said of that WABA's standing.</summary>
    private async Task TakeStanding(string waba, CancellationToken cancellationToken)
    {
        var standing = await GrainFactory.GetGrain<IAccountSignalsGrain>(waba).Standing(cancellationToken);
        state.State.Standing = standing == AccountStanding.Good ? null : standing;
    }

    private Task LeaveTemplateRegistry(string waba, CancellationToken cancellationToken) =>
        GrainFactory.GetGrain<ITemplateRegistryGrain>(waba).RemoveBusinessNumber(this.GetPrimaryKeyString(), cancellationToken);

    private Refusal NotRegistered() => Refusal.Of(
        RefusalReason.UnknownBusinessNumber,
        $"Business number {this.GetPrimaryKeyString()} is not registered.",
        ("business_number_id", this.GetPrimaryKeyString()));

    private Refusal Conflict(string what, string existing, string field) => Refusal.Of(
        RefusalReason.BusinessNumberConflict,
        $"Business number {this.GetPrimaryKeyString()} already belongs to {what} {existing}.",
        (field, existing));
}
