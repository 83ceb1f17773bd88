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
