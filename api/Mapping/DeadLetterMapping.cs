using Conversations.Abstractions.DeadLetters;
using Conversations.Abstractions.Refusals;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Mapping;

public static class DeadLetterMapping
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_000;

    /// <summary>How many dead letters a ListDeadLetters call asked for: 0 means <see cref="DefaultLimit"/>.</summary>
    public static Result<int> Limit(int requested) => requested switch
    {
        0 => Result<int>.Ok(DefaultLimit),
        > 0 and <= MaxLimit => Result<int>.Ok(requested),
        _ => Refusal.Of(
            RefusalReason.InvalidField,
            $"limit {FieldRules.Invariant(requested)} is outside 0..{FieldRules.Invariant(MaxLimit)}.",
            ("field", "limit")),
    };

    public static V1.DeadLetter ToProto(this DeadLetter letter) => new()
    {
        Kind = letter.Kind,
        Reason = letter.Reason,
        Detail = letter.Detail,
        Event = letter.Event,
        Truncated = letter.Truncated,
        ReceivedAt = Timestamp.FromDateTimeOffset(letter.ReceivedAt),
    };
}
