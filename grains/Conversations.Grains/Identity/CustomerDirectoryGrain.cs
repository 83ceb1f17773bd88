using Conversations.Abstractions.Grains;

namespace Conversations.Grains.Identity;

/// <summary>A portfolio's count of redirected phone numbers: written once per link, read by the api once per portfolio and cache lifetime.</summary>
[GrainType("customer-directory")]
public sealed class CustomerDirectoryGrain(
    [PersistentState("customer-directory", StorageNames.Conversations)] IPersistentState<CustomerDirectoryState> state)
    : Grain, ICustomerDirectoryGrain
{
    public Task<long> RedirectedPhones(CancellationToken cancellationToken = default) => Task.FromResult(state.State.RedirectedPhones);

    public async Task PhoneRedirected(CancellationToken cancellationToken = default)
    {
        state.State.RedirectedPhones++;
        await state.WriteStateAsync(cancellationToken);
    }
}
