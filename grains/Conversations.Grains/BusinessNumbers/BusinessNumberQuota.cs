using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.BusinessNumbers;

/// <summary>How many business numbers one WABA may hold at once (Conversations:Limits:MaxBusinessNumbersPerWaba).</summary>
public static class BusinessNumberQuota
{
    /// <summary>Null when the number may join a WABA that holds <paramref name="numbers"/>: it is one of them, or there is room.</summary>
    public static Refusal? Admits(IReadOnlyCollection<string> numbers, string businessNumberId, string wabaId, int limit) =>
        numbers.Contains(businessNumberId, StringComparer.Ordinal) || numbers.Count < limit
            ? null
            : Refusal.Of(
                RefusalReason.NumberQuotaExceeded,
                $"WABA {wabaId} already has {numbers.Count} business numbers, the most it may have; release one before registering or moving another to it.",
                ("waba_id", wabaId),
                ("limit", FieldRules.Invariant(limit)));
}
