using System.Globalization;

namespace Conversations.Abstractions.Refusals;

/// <summary>The checks every content rule is made of, each refusing with the field's full path so a caller can fix it.</summary>
public static class FieldRules
{
    public static Refusal? Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? Refusal.MissingField(field) : null;

    public static Refusal? MaxLength(string? value, int limit, string field, RefusalReason reason = RefusalReason.FieldTooLong) =>
        value is not null && value.Length > limit
            ? Refusal.Of(
                reason,
                $"{field} is {value.Length} characters; WhatsApp allows {limit}.",
                ("field", field),
                ("limit", Invariant(limit)),
                ("length", Invariant(value.Length)))
            : null;

    public static Refusal? RequiredMaxLength(string? value, int limit, string field) =>
        Required(value, field) ?? MaxLength(value, limit, field);

    public static Refusal? MaxItems(int count, int limit, string field) =>
        count > limit
            ? Refusal.Of(
                RefusalReason.TooManyItems,
                $"{field} has {count} items; WhatsApp allows {limit}.",
                ("field", field),
                ("limit", Invariant(limit)),
                ("count", Invariant(count)))
            : null;

    public static Refusal Invalid(string field, string rule, string message) =>
        Refusal.Of(RefusalReason.InvalidField, message, ("field", field), ("rule", rule));

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>How much of a caller's input a refusal repeats back: enough to recognise it, never a whole oversized value.</summary>
    public const int EchoLength = 64;

    /// <summary>
    /// The caller's <paramref name="input"/> as a refusal repeats it, in its message or metadata: the first
    /// <paramref name="limit"/> characters and "…" when it is longer (a 250 KB id must not come back as 250 KB of trailers).
    /// </summary>
    public static string Echo(string? input, int limit = EchoLength)
    {
        if (input is null || input.Length <= limit)
        {
            return input ?? "";
        }

        // Never split a surrogate pair.
        var cut = char.IsHighSurrogate(input[limit - 1]) ? limit - 1 : limit;
        return string.Concat(input.AsSpan(0, cut), "…");
    }

    /// <summary>The first refusal of a sequence of checks, evaluated lazily so later checks may assume earlier ones passed.</summary>
    public static Refusal? First(params Func<Refusal?>[] checks)
    {
        foreach (var check in checks)
        {
            if (check() is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }
}
