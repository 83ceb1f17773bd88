using Conversations.Abstractions.Refusals;
using Google.Protobuf.WellKnownTypes;

namespace Conversations.Api.Mapping;

public static class ProtoTime
{
    // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range google.protobuf.Timestamp defines.
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    public static Timestamp? ToProto(this DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;

    public static Result<DateTimeOffset> Required(Timestamp? value, string field)
    {
        if (value is null)
        {
            return Refusal.MissingField(field);
        }

        // A Timestamp outside 0001..9999 or with nanos out of range cannot be a real message time.
        if (value.Seconds is < MinSeconds or > MaxSeconds || value.Nanos is < 0 or >= 1_000_000_000)
        {
            return Refusal.Of(RefusalReason.InvalidTimestamp, $"{field} is not a valid timestamp.", ("field", field));
        }

        return Result<DateTimeOffset>.Ok(value.ToDateTimeOffset());
    }
}
