using Microsoft.Extensions.Options;

namespace Conversations.Grains.Signals;

/// <summary>Checks "Conversations:QualityGuard" at start-up: an action that is none of Allow, Slow, Pause stops the silo.</summary>
public sealed class QualityGuardOptionsValidator : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions options)
    {
        var guard = options.QualityGuard;
        var failures = NestedOptionsValidation.Failures(guard, "Conversations:QualityGuard");
        foreach (var (setting, action) in new[] { ("Yellow", guard.Yellow), ("Red", guard.Red), ("Flagged", guard.Flagged) })
        {
            if (!Enum.IsDefined(action))
            {
                failures.Add($"Conversations:QualityGuard:{setting} '{action}' must be Allow, Slow or Pause.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
