using Conversations.Abstractions.Refusals;

namespace Conversations.Abstractions.Identity;

/// <summary>Meta's numeric object ids: business phone number ids, WhatsApp Business Account ids and portfolio ids.</summary>
public static class MetaId
{
    public const int MaxLength = 32;

    public static Result<string> BusinessNumberId(string? input) =>
        Parse(input, "business_number_id", RefusalReason.InvalidBusinessNumberId);

    public static Result<string> WabaId(string? input) =>
        Parse(input, "waba_id", RefusalReason.InvalidWabaId);

    /// <summary>A business portfolio (Meta business) id; malformed ones are an InvalidField on portfolio_id.</summary>
    public static Result<string> PortfolioId(string? input) =>
        Parse(input, "portfolio_id", RefusalReason.InvalidField);

    private static Result<string> Parse(string? input, string field, RefusalReason reason)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Refusal.MissingField(field);
        }

        var value = input.Trim();
        if (value.Length > MaxLength || !value.All(char.IsAsciiDigit))
        {
            return Refusal.Of(reason, $"{field} '{FieldRules.Echo(input)}' must be Meta's numeric id (1 to {MaxLength} digits).", ("field", field));
        }

        return Result<string>.Ok(value);
    }
}
