using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.BusinessNumbers;

[GrainType("business-number")]
public sealed class BusinessNumberGrain(
    [PersistentState("business-number", StorageNames.Conversations)] IPersistentState<BusinessNumberState> state)
    : Grain, IBusinessNumberGrain
{
    public async Task<Result<string>> Register(string wabaId, CancellationToken cancellationToken = default)
    {
        var waba = MetaId.WabaId(wabaId);
        if (!waba.Succeeded)
        {
            return waba.Refusal;
        }

        if (state.State.WabaId is { } existing)
        {
            // Conversations cache their number's WABA; moving a number would silently switch template sets under them.
            return existing == waba.Value
                ? Result<string>.Ok(existing)
                : Refusal.Of(
                    RefusalReason.BusinessNumberConflict,
                    $"Business number {this.GetPrimaryKeyString()} already belongs to WABA {existing}.",
                    ("waba_id", existing));
        }

        state.State.WabaId = waba.Value;
        await state.WriteStateAsync(cancellationToken);
        return Result<string>.Ok(waba.Value);
    }

    public Task<string?> GetWabaId(CancellationToken cancellationToken = default) => Task.FromResult(state.State.WabaId);
}
