using Conversations.Hosting;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Webhooks;

/// <summary>
/// With a real Meta access token configured, Meta's webhooks reach this api: the public development secret and verify
/// token would let anyone forge them, so the api refuses to start with either, naming the setting.
/// </summary>
public sealed class WebhookOptionsValidator(IConfiguration configuration) : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (MetaHosting.UsesSimulator(configuration))
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (options.AppSecret == WebhookOptions.LocalDevelopmentSecret)
        {
            errors.Add($"{WebhookOptions.Section}:AppSecret is the public development secret, but Conversations:Meta:AccessToken is set: set it to your Meta app's secret, or anyone can forge webhooks.");
        }

        if (options.VerifyToken == WebhookOptions.LocalDevelopmentVerifyToken)
        {
            errors.Add($"{WebhookOptions.Section}:VerifyToken is the public development token, but Conversations:Meta:AccessToken is set: set it to the token entered in your Meta app's webhook settings.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
