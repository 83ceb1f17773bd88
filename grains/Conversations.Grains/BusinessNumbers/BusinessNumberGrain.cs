using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Limits;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.BusinessNumbers;

[GrainType("business-number")]
public sealed class BusinessNumberGrain(
    [PersistentState("business-number", StorageNames.Conversations)] IPersistentState<BusinessNumberState> state,
    IOptions<ConversationOptions> options)
    : Grain, IBusinessNumberGrain
{
    private readonly LimitOptions _limits = options.Value.Limits;

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
            return FieldRules.Invalid("quality_rating", "enum", "quality_rating must be QUALITY_UNKNOWN, QUALITY_GREEN, QUALITY_YELLOW or QUALITY_RED.");
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

        var before = (state.State.WabaId, state.State.PortfolioId, state.State.ThroughputPerSecond, state.State.Quality);
        state.State.WabaId = waba.Value;
        state.State.PortfolioId = currentPortfolio ?? portfolio.Value;
        state.State.ThroughputPerSecond = settings.ThroughputPerSecond ?? state.State.ThroughputPerSecond;
        state.State.Quality = settings.Quality ?? state.State.Quality;
        if (before != (state.State.WabaId, state.State.PortfolioId, state.State.ThroughputPerSecond, state.State.Quality))
        {
            await state.WriteStateAsync(cancellationToken);
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

    public Task<string?> GetWabaId(CancellationToken cancellationToken = default) => Task.FromResult(state.State.WabaId);

    public Task<BusinessNumberProfile?> GetProfile(CancellationToken cancellationToken = default) => Task.FromResult(Profile());

    private BusinessNumberProfile? Profile() => state.State.WabaId is { } waba
        ? new BusinessNumberProfile(
            this.GetPrimaryKeyString(),
            waba,
            state.State.PortfolioId ?? waba,
            state.State.ThroughputPerSecond ?? _limits.DefaultThroughputPerSecond,
            state.State.Quality)
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
