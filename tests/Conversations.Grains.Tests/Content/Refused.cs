using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.Tests.Content;

/// <summary>Asserts a content refusal's reason and the metadata a caller relies on to fix the request.</summary>
internal static class Refused
{
    public static Refusal Missing(Refusal? refusal, string field) => Is(refusal, RefusalReason.MissingField, field);

    public static Refusal TooLong(Refusal? refusal, string field, int limit, int length) =>
        Sized(Is(refusal, RefusalReason.FieldTooLong, field), "length", limit, length);

    public static Refusal TextTooLong(Refusal? refusal, string field, int limit, int length) =>
        Sized(Is(refusal, RefusalReason.TextTooLong, field), "length", limit, length);

    public static Refusal TooMany(Refusal? refusal, string field, int limit, int count) =>
        Sized(Is(refusal, RefusalReason.TooManyItems, field), "count", limit, count);

    public static Refusal Invalid(Refusal? refusal, string field, string rule)
    {
        var invalid = Is(refusal, RefusalReason.InvalidField, field);
        Assert.Equal(rule, invalid.Metadata["rule"]);
        return invalid;
    }

    private static Refusal Is(Refusal? refusal, RefusalReason reason, string field)
    {
        Assert.NotNull(refusal);
        Assert.Equal(reason, refusal.Reason);
        Assert.Equal(field, refusal.Metadata["field"]);
        Assert.Contains(field, refusal.Message, StringComparison.Ordinal);
        return refusal;
    }

    private static Refusal Sized(Refusal refusal, string key, int limit, int actual)
    {
        Assert.Equal(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), refusal.Metadata["limit"]);
        Assert.Equal(actual.ToString(System.Globalization.CultureInfo.InvariantCulture), refusal.Metadata[key]);
        return refusal;
    }
}
