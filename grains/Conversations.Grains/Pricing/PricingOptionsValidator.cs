using Microsoft.Extensions.Options;

namespace Conversations.Grains.Pricing;

/// <summary>
/// Checks "Conversations:Pricing" at start-up, including reading the rate card, so a bad card or setting fails the
/// silo before the first message is priced. Data annotations of nested options are not checked by
/// ValidateDataAnnotations, hence this validator.
/// </summary>
public sealed class PricingOptionsValidator : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions options)
    {
        var pricing = options.Pricing;
        var failures = NestedOptionsValidation.Failures(pricing, "Conversations:Pricing");

        if (!IsRegion(pricing.BusinessMarket))
        {
            failures.Add($"Conversations:Pricing:BusinessMarket '{pricing.BusinessMarket}' must be an ISO region such as US.");
        }

        if (pricing.MessageIdsRememberedFor <= TimeSpan.Zero)
        {
            failures.Add($"Conversations:Pricing:MessageIdsRememberedFor '{pricing.MessageIdsRememberedFor}' must be positive.");
        }

        var markets = pricing.AuthenticationInternationalMarkets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (markets.FirstOrDefault(m => !IsRegion(m)) is { } bad)
        {
            failures.Add($"Conversations:Pricing:AuthenticationInternationalMarkets has '{bad}', which is not an ISO region such as IN.");
        }

        try
        {
            RateCard.Load(pricing.RateCardPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            failures.Add($"Conversations:Pricing:RateCardPath: {e.Message}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsRegion(string? value) => value?.Trim() is { Length: 2 } region && region.All(char.IsAsciiLetter);
}
