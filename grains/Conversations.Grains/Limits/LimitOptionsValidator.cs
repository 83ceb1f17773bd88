using Conversations.Abstractions.Limits;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Limits;

/// <summary>Checks "Conversations:Limits" at start-up: a mistyped tier must stop the silo, not silently mean 250.</summary>
public sealed class LimitOptionsValidator : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions options)
    {
        var limits = options.Limits;
        var failures = NestedOptionsValidation.Failures(limits, "Conversations:Limits");

        if (!MessagingLimitTier.TryParse(limits.DefaultMessagingLimit, out _))
        {
            failures.Add($"Conversations:Limits:DefaultMessagingLimit '{limits.DefaultMessagingLimit}' must be 250, 2000, 10000, 100000 or unlimited.");
        }

        if (limits.DefaultThroughputPerSecond > limits.MaxThroughputPerSecond)
        {
            failures.Add("Conversations:Limits:DefaultThroughputPerSecond must not exceed MaxThroughputPerSecond.");
        }

        if (limits.MessagingLimitWindow <= TimeSpan.Zero || limits.MaxPacingDelay < TimeSpan.Zero)
        {
            failures.Add("Conversations:Limits: MessagingLimitWindow must be positive and MaxPacingDelay not negative.");
        }

        if (limits.PacingMargin < TimeSpan.Zero || limits.PacingStartMargin < limits.PacingMargin || limits.PacingStartMargin >= TimeSpan.FromSeconds(1))
        {
            failures.Add("Conversations:Limits: 0 <= PacingMargin <= PacingStartMargin < 1 second.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
