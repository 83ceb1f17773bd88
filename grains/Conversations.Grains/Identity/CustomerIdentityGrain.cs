using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;

namespace Conversations.Grains.Identity;

/// <summary>
/// One id of a portfolio's identity directory. A BSUID's entry decides the customer's canonical id the first time it is
/// seen and links the phone number when Meta shows one; the phone number's entry is written first, so a crash between
/// the two writes is repaired by Meta's redelivery rather than leaving a link only one side knows.
/// </summary>
[GrainType("customer-identity")]
[CollectionAgeLimit(Minutes = 5)]
public sealed class CustomerIdentityGrain(
    [PersistentState("customer-identity", StorageNames.Conversations)] IPersistentState<CustomerIdentityState> state)
    : Grain, ICustomerIdentityGrain
{
    private CustomerIdentityKey Key => CustomerIdentityKey.Parse(this.GetPrimaryKeyString());

    public async Task<CustomerIdentity> Observe(string? phone, CancellationToken cancellationToken = default)
    {
        var key = Key;
        if (!CustomerUserId.Is(key.Customer))
        {
            throw new InvalidOperationException($"Only a BSUID's directory entry observes a customer; '{key}' is not one.");
        }

        var known = state.State.Identity;
        if (phone is null || known?.Phone == phone)
        {
            return known ?? await Save(CustomerIdentity.Of(key.Customer), cancellationToken);
        }

        var phoneEntry = GrainFactory.GetGrain<ICustomerIdentityGrain>(new CustomerIdentityKey(key.PortfolioId, phone).ToString());

        // A phone number that already reaches a conversation (linked to an earlier BSUID of the customer) keeps reaching it.
        var canonical = known?.Canonical ?? (await phoneEntry.Find(cancellationToken))?.Canonical ?? phone;
        var identity = new CustomerIdentity(canonical, phone, key.Customer);
        await phoneEntry.Link(identity, cancellationToken);
        return await Save(identity, cancellationToken);
    }

    public Task<CustomerIdentity?> Find(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Identity);

    public async Task Link(CustomerIdentity identity, CancellationToken cancellationToken = default)
    {
        var key = Key;
        var before = state.State.Identity;
        if (before == identity)
        {
            return;
        }

        await Save(identity, cancellationToken);
        if (identity.Canonical != key.Customer && (before is null || before.Canonical == key.Customer))
        {
            await GrainFactory.GetGrain<ICustomerDirectoryGrain>(key.PortfolioId).PhoneRedirected(cancellationToken);
        }
    }

    private async Task<CustomerIdentity> Save(CustomerIdentity identity, CancellationToken cancellationToken)
    {
        state.State.Identity = identity;
        await state.WriteStateAsync(cancellationToken);
        return identity;
    }
}
