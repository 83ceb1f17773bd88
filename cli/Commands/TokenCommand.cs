using System.CommandLine;
using Conversations.Auth;
using Conversations.Cli.Parsing;

namespace Conversations.Cli.Commands;

/// <summary>
/// `token`: mints a bearer token with the development signing key an api is configured with. The key, issuer and
/// audience default to the api's own settings (Conversations__Auth__*), so one set of exports serves both.
/// </summary>
public static class TokenCommand
{
    private const string Settings = "Conversations__Auth__";

    public static Command Create()
    {
        var wabas = new Option<string[]>("--waba")
        {
            Description = $"A WABA id the token acts for; repeat for several. '{CallerClaims.Any}' is every WABA, with the {Scopes.Admin} scope only.",
            HelpName = "waba_id",
            Required = true,
        };
        var portfolios = new Option<string[]>("--portfolio")
        {
            Description = "A business portfolio id the token acts for; repeat for several (a WABA id counts as its own portfolio).",
            HelpName = "portfolio_id",
        };
        var scopes = new Option<string[]>("--scope")
        {
            Description = $"A scope; repeat for several. [default: all: {string.Join(", ", Scopes.All)}]",
            HelpName = "scope",
        };
        scopes.AcceptOnlyFromAmong([.. Scopes.All]);
        var lifetime = CommandOptions.Duration("--lifetime", "How long the token is valid. [default: 12h]");
        var key = FromSetting("--signing-key", "SigningKey", "The api's Conversations__Auth__SigningKey.");
        var issuer = FromSetting("--issuer", "Issuer", "The api's Conversations__Auth__Issuer.");
        var audience = FromSetting("--audience", "Audience", "The api's Conversations__Auth__Audience.");
        var command = new Command("token", "Prints a bearer token signed with the api's development key, e.g. export CONVERSATIONS_TOKEN=$(conversations token --waba 102290129340398).")
        {
            wabas,
            portfolios,
            scopes,
            lifetime,
            key,
            issuer,
            audience,
        };
        command.SetAction(parse =>
        {
            var missing = new[] { key, issuer, audience }.Where(o => string.IsNullOrEmpty(parse.GetValue(o))).Select(o => o.Name).ToList();
            if (missing.Count > 0)
            {
                parse.InvocationConfiguration.Error.WriteLine(
                    $"token: {string.Join(", ", missing)} not given and not set in the environment ({Settings}SigningKey, {Settings}Issuer, {Settings}Audience).");
                return ExitCodes.UsageError;
            }

            var signingKey = parse.GetValue(key)!;
            if (System.Text.Encoding.UTF8.GetByteCount(signingKey) < DevelopmentToken.MinimumKeyBytes)
            {
                parse.InvocationConfiguration.Error.WriteLine($"token: the signing key must be at least {DevelopmentToken.MinimumKeyBytes} bytes, as the api requires.");
                return ExitCodes.UsageError;
            }

            var chosen = parse.GetValue(scopes) is { Length: > 0 } given ? given : [.. Scopes.All];
            parse.InvocationConfiguration.Output.WriteLine(DevelopmentToken.Mint(
                signingKey,
                parse.GetValue(issuer)!,
                parse.GetValue(audience)!,
                chosen,
                parse.GetRequiredValue(wabas),
                parse.GetValue(portfolios) ?? [],
                DateTimeOffset.UtcNow,
                parse.GetValue(lifetime) ?? TimeSpan.FromHours(12)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string?> FromSetting(string name, string setting, string description) => new(name)
    {
        Description = $"{description} [default: ${Settings}{setting}]",
        HelpName = setting.ToLowerInvariant(),
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(Settings + setting),
    };
}
