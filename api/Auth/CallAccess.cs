using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Errors;

namespace Conversations.Api.Auth;

/// <summary>
/// The WABA and portfolio checks of one call, made before any grain the call acts on is touched. A business number's
/// WABA is read once per call, however many of the call's items name it (StreamSends), through <see cref="NumberOwners"/>.
/// The scope of the call itself was checked by its policy; <see cref="Scope"/> is for scopes that depend on the request.
/// </summary>
public sealed class CallAccess(Caller caller, NumberOwners owners, CancellationToken cancellationToken)
{
    private Dictionary<string, Result<BusinessNumberProfile>>? _numbers;

    /// <summary>The caller's <see cref="Caller.Id"/>.</summary>
    public string CallerId => caller.Id;

    /// <summary>The registered number's profile when the caller acts for its WABA; refused otherwise. The id is already valid.</summary>
    public async Task<BusinessNumberProfile> Number(string businessNumberId) => (await TryNumber(businessNumberId)).OrThrow();

    /// <summary>As <see cref="Number"/>, read from the number's grain now: for a call that answers with the profile itself.</summary>
    public async Task<BusinessNumberProfile> CurrentNumber(string businessNumberId) =>
        Checked(businessNumberId, await owners.Fresh(businessNumberId, cancellationToken)).OrThrow();

    /// <summary>As <see cref="Number"/>, with the refusal as a value: a refused StreamSends item does not end the stream.</summary>
    public async Task<Result<BusinessNumberProfile>> TryNumber(string businessNumberId)
    {
        _numbers ??= new(StringComparer.Ordinal);
        if (!_numbers.TryGetValue(businessNumberId, out var checkedNumber))
        {
            checkedNumber = Checked(businessNumberId, await owners.Get(businessNumberId, cancellationToken));
            _numbers[businessNumberId] = checkedNumber;
        }

        return checkedNumber;
    }

    /// <summary>
    /// For a number that may not be registered yet: refused only when it is registered to a WABA the caller does not act
    /// for. Read fresh: the call is about to change who owns it.
    /// </summary>
    public async Task<BusinessNumberProfile?> NumberIfRegistered(string businessNumberId)
    {
        var profile = await owners.Fresh(businessNumberId, cancellationToken);
        return profile is null ? null : Check(profile).OrThrow();
    }

    /// <summary>
    /// Registering or moving a number: the caller acts for the WABA and the portfolio it goes to, and for the WABA it is
    /// registered to now, if any. The ids are already valid; a null portfolio is the WABA.
    /// </summary>
    public async Task Place(string businessNumberId, string wabaId, string? portfolioId)
    {
        Waba(wabaId);
        Portfolio(portfolioId is null ? "waba_id" : "portfolio_id", portfolioId ?? wabaId);
        await NumberIfRegistered(businessNumberId);
    }

    public void Waba(string wabaId)
    {
        if (!caller.ActsForWaba(wabaId))
        {
            throw CallerRefusals.WabaNotAllowed("waba_id", wabaId).ToRpcException();
        }
    }

    /// <param name="field">The request field that named it: portfolio_id, or waba_id where a WABA names its own portfolio.</param>
    public void Portfolio(string field, string portfolioId)
    {
        if (!caller.ActsForPortfolio(portfolioId))
        {
            throw CallerRefusals.PortfolioNotAllowed(field, portfolioId).ToRpcException();
        }
    }

    public void Scope(string scope)
    {
        if (!caller.Has(scope))
        {
            throw CallerRefusals.ScopeMissing(scope).ToRpcException();
        }
    }

    /// <summary>The number's profile if it is registered and the caller acts for its WABA; its refusal otherwise.</summary>
    private Result<BusinessNumberProfile> Checked(string businessNumberId, BusinessNumberProfile? profile) =>
        profile is null ? Unknown(businessNumberId) : Check(profile);

    private Result<BusinessNumberProfile> Check(BusinessNumberProfile profile) => caller.ActsForWaba(profile.WabaId)
        ? Result<BusinessNumberProfile>.Ok(profile)
        : CallerRefusals.WabaNotAllowed("business_number_id", profile.BusinessNumberId);

    private static Refusal Unknown(string businessNumberId) => Refusal.Of(
        RefusalReason.UnknownBusinessNumber,
        $"Business number {businessNumberId} is not registered; register it with its WABA first.",
        ("business_number_id", businessNumberId));
}
