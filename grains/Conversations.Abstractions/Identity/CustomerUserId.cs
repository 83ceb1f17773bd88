using Conversations.Abstractions.Refusals;

namespace Conversations.Abstractions.Identity;

/// <summary>
/// Meta's business-scoped user id (BSUID): a 2-letter ISO country code, '.', then up to 128 letters and digits
/// ("US.13491208655302741918"). It names one customer for one business portfolio and, unlike a wa_id, always has a dot,
/// so the two can share the customer part of a <see cref="ConversationKey"/>. Parent BSUIDs ("US.ENT.…", shared by
/// linked portfolios) are not conversation ids: they are refused, the customer's own BSUID is the one to use.
/// </summary>
public static class CustomerUserId
{
    public const int MaxIdLength = 128;

    /// <summary>Whether a customer id already validated is a BSUID (a wa_id is digits only).</summary>
    public static bool Is(string customer) => customer.Length > 3 && customer[2] == '.';

    public static Result<string> Parse(string? input, string field = "customer_user_id")
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Refusal.MissingField(field);
        }

        var value = input.Trim();
        if (value.Length < 4 || value[2] != '.' || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]))
        {
            return Invalid(input, field, "a BSUID is a 2-letter country code, '.', then letters and digits");
        }

        var id = value[3..];
        if (id.Length > MaxIdLength || !id.All(char.IsAsciiLetterOrDigit))
        {
            return Invalid(input, field, id.Contains('.')
                ? "a parent BSUID (CC.ENT.…) names a customer across portfolios; use the customer's own BSUID"
                : $"after the country code come 1 to {MaxIdLength} letters and digits");
        }

        // The country code is the only part whose case is not Meta's to choose: one customer, one spelling.
        return Result<string>.Ok(value[..2].ToUpperInvariant() + value[2..]);
    }

    /// <summary>The ISO region a BSUID was issued for ("US").</summary>
    public static string Region(string userId) => userId[..2];

    /// <summary>Masks a BSUID for logs: US.13491208655302741918 becomes US.1349•••1918.</summary>
    public static string Mask(string userId) =>
        userId.Length <= 11 ? userId[..3] + "•••" : $"{userId[..7]}•••{userId[^4..]}";

    private static Refusal Invalid(string input, string field, string why) =>
        Refusal.Of(RefusalReason.InvalidCustomer, $"{field} '{FieldRules.Echo(input)}' is not a valid business-scoped user id: {why}.", ("field", field));
}
