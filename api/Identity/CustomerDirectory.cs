using System.Collections.Concurrent;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Auth;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Identity;

/// <summary>
/// Which conversation a customer named by phone number, BSUID or both is, as the portfolio's identity directory
/// (<see cref="ICustomerIdentityGrain"/>) says, with what is safe to keep in this process kept:
/// <list type="bullet">
/// <item>a BSUID's identity, for good: its canonical id never changes, and a phone number it does not know yet is asked about;</item>
/// <item>a phone number linked to another canonical id, for good, for the same reason;</item>
/// <item>that a phone number is its own key, for <see cref="AuthOptions.NumberOwnerLifetime"/>, and without asking about
/// the number at all while the portfolio has no phone number redirected to a BSUID (<see cref="ICustomerDirectoryGrain"/>):
/// a phone-only send costs no grain call beyond those it always made. A link made through another api process reaches
/// this one within the lifetime, as a number's owner does.</item>
/// </list>
/// </summary>
public sealed class CustomerDirectory(GrainReferences grains, TimeProvider time, IOptions<AuthOptions> options)
{
    /// <summary>Past this many entries a map is dropped and refilled on demand; it never grows without bound.</summary>
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<CustomerIdentityKey, CustomerIdentity> _known = new();
    private readonly ConcurrentDictionary<CustomerIdentityKey, DateTimeOffset> _ownKeys = new();
    private readonly ConcurrentDictionary<string, (long Redirected, DateTimeOffset ReadAt)> _portfolios = new(StringComparer.Ordinal);

    /// <summary>
    /// The key of the customer's conversation with a business number: by its canonical id in the number's portfolio, or,
    /// for a number not registered (no portfolio, so no directory; its grain refuses the call), by the id given.
    /// </summary>
    public async ValueTask<Result<ConversationKey>> KeyOf(
        string businessNumberId,
        string? portfolioId,
        CustomerIds ids,
        bool record,
        bool fromMeta,
        CancellationToken cancellationToken)
    {
        if (portfolioId is null)
        {
            return Result<ConversationKey>.Ok(new ConversationKey(businessNumberId, ids.Phone ?? ids.UserId!));
        }

        var identity = await Resolve(portfolioId, ids.Phone, ids.UserId, record, fromMeta, cancellationToken);
        return identity.Succeeded ? Result<ConversationKey>.Ok(new ConversationKey(businessNumberId, identity.Value.Canonical)) : identity.Refusal;
    }

    /// <summary>
    /// The customer's identity in the portfolio. Ids are already valid; at least one is given. With <paramref name="record"/>
    /// a BSUID the directory never saw is recorded (it arrived first) and a phone number shown with it is linked; a
    /// caller's phone number that the directory knows as another customer's is refused with CustomerIdsDisagree, Meta's
    /// (<paramref name="fromMeta"/>) relinks.
    /// </summary>
    public async ValueTask<Result<CustomerIdentity>> Resolve(
        string portfolioId,
        string? phone,
        string? userId,
        bool record,
        bool fromMeta,
        CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return Result<CustomerIdentity>.Ok(await OfPhone(portfolioId, phone!, cancellationToken));
        }

        var key = new CustomerIdentityKey(portfolioId, userId);
        if (!_known.TryGetValue(key, out var known))
        {
            known = await grains.Get<ICustomerIdentityGrain>(key.ToString()).Find(cancellationToken);
        }

        if (!fromMeta && phone is not null && known?.Phone is { } linked && linked != phone)
        {
            return Disagree(phone, userId);
        }

        if (known is not null && (phone is null || known.Phone == phone))
        {
            return Result<CustomerIdentity>.Ok(Remember(key, known));
        }

        if (!record)
        {
            // A read names a customer the directory does not know with both ids: the phone number decides, as before BSUIDs.
            return Result<CustomerIdentity>.Ok(known ?? (phone is null ? CustomerIdentity.Of(userId) : await OfPhone(portfolioId, phone, cancellationToken)));
        }

        var observed = await grains.Get<ICustomerIdentityGrain>(key.ToString()).Observe(phone, cancellationToken);
        if (observed.Phone is { } observedPhone && observed.Canonical != observedPhone)
        {
            Remember(new CustomerIdentityKey(portfolioId, observedPhone), observed);
            _portfolios.TryRemove(portfolioId, out _);
        }

        return Result<CustomerIdentity>.Ok(Remember(key, observed));
    }

    private async ValueTask<CustomerIdentity> OfPhone(string portfolioId, string phone, CancellationToken cancellationToken)
    {
        var key = new CustomerIdentityKey(portfolioId, phone);
        if (_known.TryGetValue(key, out var linked))
        {
            return linked;
        }

        var now = time.GetUtcNow();
        var lifetime = options.Value.NumberOwnerLifetime;
        if (_ownKeys.TryGetValue(key, out var readAt) && now - readAt < lifetime)
        {
            return CustomerIdentity.Of(phone);
        }

        if (await RedirectedPhones(portfolioId, now, lifetime, cancellationToken) > 0
            && await grains.Get<ICustomerIdentityGrain>(key.ToString()).Find(cancellationToken) is { } found)
        {
            return Remember(key, found);
        }

        if (lifetime > TimeSpan.Zero)
        {
            Bound(_ownKeys);
            _ownKeys[key] = now;
        }

        return CustomerIdentity.Of(phone);
    }

    private async ValueTask<long> RedirectedPhones(string portfolioId, DateTimeOffset now, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (_portfolios.TryGetValue(portfolioId, out var known) && now - known.ReadAt < lifetime)
        {
            return known.Redirected;
        }

        var redirected = await grains.Get<ICustomerDirectoryGrain>(portfolioId).RedirectedPhones(cancellationToken);
        Bound(_portfolios);
        _portfolios[portfolioId] = (redirected, now);
        return redirected;
    }

    private CustomerIdentity Remember(CustomerIdentityKey key, CustomerIdentity identity)
    {
        Bound(_known);
        _known[key] = identity;
        _ownKeys.TryRemove(key, out _);
        return identity;
    }

    private static void Bound<TKey, TValue>(ConcurrentDictionary<TKey, TValue> map)
        where TKey : notnull
    {
        if (map.Count >= MaxEntries)
        {
            map.Clear();
        }
    }

    private static Refusal Disagree(string phone, string userId) => Refusal.Of(
        RefusalReason.CustomerIdsDisagree,
        $"customer {CustomerNumber.Mask(phone)} and customer_user_id {CustomerUserId.Mask(userId)} are two different customers of this portfolio.",
        ("field", "customer_user_id"));
}
