using Conversations.Abstractions.Refusals;
using PhoneNumbers;

namespace Conversations.Abstractions.Identity;

/// <summary>
/// A customer's WhatsApp id: an E.164 number without '+', as Meta's wa_id.
/// Accepting both "+15551234567" and "15551234567" and storing one form keeps one conversation per customer.
/// </summary>
public static class CustomerNumber
{
    private static readonly PhoneNumberUtil s_phoneNumbers = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Parsing with the phone library costs tens of microseconds and every send, status and inbound asks again for the
    /// same customers: its answers are pure, so the recent ones are kept (at most <see cref="BoundedMemo{T}.Capacity"/>).
    /// </summary>
    private static readonly BoundedMemo<(string? Normalized, string? Why)> s_parsed = new();

    private static readonly BoundedMemo<string> s_regions = new();

    public static Result<string> Normalize(string? input, string field = "customer")
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Refusal.MissingField(field);
        }

        var trimmed = input.Trim();
        var digits = trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        // E.164 is at most 15 digits; anything else (spaces, dashes, letters) is not a wa_id.
        if (digits.Length is 0 or > 15 || !digits.All(char.IsAsciiDigit))
        {
            return Invalid(input, field, "E.164 is '+' followed by at most 15 digits");
        }

        var (normalized, why) = s_parsed.GetOrAdd(digits, Parse);
        return normalized is null ? Invalid(input, field, why!) : Result<string>.Ok(normalized);
    }

    /// <summary>What the phone library says of E.164 digits: the number in E.164 without '+', or why it is not one.</summary>
    private static (string? Normalized, string? Why) Parse(string digits)
    {
        try
        {
            var parsed = s_phoneNumbers.Parse("+" + digits, null);
            return s_phoneNumbers.IsValidNumber(parsed)
                ? (s_phoneNumbers.Format(parsed, PhoneNumberFormat.E164)[1..], null)
                : (null, "not a valid number for its country calling code");
        }
        catch (NumberParseException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>
    /// A wa_id Meta delivered in a webhook: Meta knows who wrote, so only its shape (E.164 digits) is checked, never
    /// whether the phone library considers the number assigned. A number the library does accept is normalized as
    /// <see cref="Normalize"/> does, so both paths address one conversation.
    /// </summary>
    public static Result<string> FromMeta(string? input, string field = "customer")
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Refusal.MissingField(field);
        }

        var trimmed = input.Trim();
        var digits = trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        if (digits.Length is 0 or > 15 || !digits.All(char.IsAsciiDigit) || digits[0] == '0')
        {
            return Invalid(input, field, "E.164 is '+' followed by at most 15 digits, the first not 0");
        }

        return Normalize(digits, field) is { Succeeded: true } valid ? valid : Result<string>.Ok(digits);
    }

    /// <summary>
    /// The ISO region of a customer id ("US", "BR"): a wa_id's by its calling code, "ZZ" when the number belongs to no
    /// single region; a BSUID's by its country prefix.
    /// </summary>
    public static string Region(string waId) => CustomerUserId.Is(waId) ? CustomerUserId.Region(waId) : s_regions.GetOrAdd(waId, static id =>
    {
        try
        {
            return s_phoneNumbers.GetRegionCodeForNumber(s_phoneNumbers.Parse("+" + id, null)) ?? "ZZ";
        }
        catch (NumberParseException)
        {
            return "ZZ";
        }
    });

    /// <summary>Masks a customer id for logs: 15551234567 becomes +1555•••4567, a BSUID as <see cref="CustomerUserId.Mask"/>.</summary>
    public static string Mask(string waId) =>
        CustomerUserId.Is(waId) ? CustomerUserId.Mask(waId) : waId.Length <= 8 ? "+•••" : $"+{waId[..4]}•••{waId[^4..]}";

    private static Refusal Invalid(string input, string field, string why) =>
        Refusal.Of(RefusalReason.InvalidCustomer, $"{field} '{FieldRules.Echo(input)}' is not a valid E.164 phone number: {why.TrimEnd('.')}.", ("field", field));
}
