using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Refusals;
using Orleans.Concurrency;

namespace Conversations.Abstractions.Grains;

/// <summary>
/// A business phone number, keyed by Meta's phone number id: the WABA whose templates it sends, the portfolio whose
/// messaging limit and usage it shares, its throughput and its quality rating.
/// </summary>
[Alias("business-number")]
public interface IBusinessNumberGrain : IGrainWithStringKey
{
    /// <summary>Binds the number to a WABA. Binding again to the same WABA is a no-op; to another is refused.</summary>
    [Alias("register")]
    Task<Result<string>> Register(string wabaId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers the number or updates its throughput and quality. WABA and portfolio are fixed once set: only an
    /// explicit <see cref="Move"/> or <see cref="Release"/> changes them.
    /// </summary>
    [Alias("configure")]
    Task<Result<BusinessNumberProfile>> Configure(BusinessNumberSettings settings, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the registered number to another WABA and portfolio (null: the WABA), keeping throughput and quality. Its
    /// conversations read the new profile within <c>ConversationGrain.ProfileLifetime</c>.
    /// </summary>
    [Alias("move")]
    Task<Result<BusinessNumberProfile>> Move(string wabaId, string? portfolioId, CancellationToken cancellationToken = default);

    /// <summary>Unregisters the number, which may then be registered again to any WABA; returns the profile it had.</summary>
    [Alias("release")]
    Task<Result<BusinessNumberProfile>> Release(CancellationToken cancellationToken = default);

    /// <summary>Meta's quality rating of the number (phone_number_quality_update); refused when it is not registered.</summary>
    [Alias("set-quality")]
    Task<Result<BusinessNumberProfile>> SetQuality(QualityRating quality, CancellationToken cancellationToken = default);

    /// <summary>Meta's restrictions and ban of the number's WABA (account_update); refused when it is not registered.</summary>
    [Alias("set-standing")]
    Task<Result<BusinessNumberProfile>> SetStanding(AccountStanding standing, CancellationToken cancellationToken = default);

    /// <summary>The WABA id, or null when the number was never registered.</summary>
    [Alias("get-waba"), ReadOnly]
    Task<string?> GetWabaId(CancellationToken cancellationToken = default);

    /// <summary>The number's profile, or null when it was never registered.</summary>
    [Alias("get-profile"), ReadOnly]
    Task<BusinessNumberProfile?> GetProfile(CancellationToken cancellationToken = default);
}
