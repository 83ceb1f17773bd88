using Microsoft.Extensions.Options;

namespace Conversations.Grains.Templates;

/// <summary>Checks "Conversations:TemplateSyncInterval" at start-up: zero (off) or at least a minute.</summary>
public sealed class TemplateSyncOptionsValidator : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions options) =>
        options.TemplateSyncInterval == TimeSpan.Zero || options.TemplateSyncInterval >= TimeSpan.FromMinutes(1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Conversations:TemplateSyncInterval '{options.TemplateSyncInterval}' must be 00:00:00 (off) or at least 00:01:00.");
}
