using Conversations.Api.Tests;
using Conversations.Auth;
using Conversations.Testing;

namespace Conversations.Cli.Tests;

/// <summary>`conversations token` mints what the api accepts, and --token is what every command sends.</summary>
[Collection(CliApiCollection.Name)]
public sealed class TokenTests(ApiFactory api)
{
    private static Task<CliRun> Mint(params string[] args) => Cli.Run(
        ["token", "--signing-key", ApiFactory.SigningKey, "--issuer", ApiFactory.Issuer, "--audience", ApiFactory.Audience, .. args]);

    [Fact]
    public async Task A_minted_read_token_shows_its_WABAs_conversations_and_is_refused_another_WABAs_number()
    {
        // Arrange
        var (mine, theirs, customer) = (TestNumbers.BusinessNumberId(), TestNumbers.BusinessNumberId(), TestNumbers.Customer());
        var waba = TestNumbers.WabaId();
        await Cli.Run(api, "register-number", "--number", mine, "--waba", waba);
        await Cli.Run(api, "register-number", "--number", theirs, "--waba", TestNumbers.WabaId());
        var minted = await Mint("--waba", waba, "--scope", Scopes.Read);

        // Act
        var shown = await Cli.RunWithout(api, "--token", minted.Output.Trim(), "show", "--number", mine, "--customer", customer);
        var refused = await Cli.RunWithout(api, "--token", minted.Output.Trim(), "show", "--number", theirs, "--customer", customer);

        // Assert
        Assert.Equal((ExitCodes.Success, ""), (minted.ExitCode, minted.Error));
        Assert.Equal(ExitCodes.Success, shown.ExitCode);
        Assert.Equal(ExitCodes.Refused, refused.ExitCode);
        Assert.Contains("WABA_NOT_ALLOWED", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_a_command_is_refused_with_TOKEN_MISSING()
    {
        // Act
        var run = await Cli.RunWithout(api, "show", "--number", TestNumbers.BusinessNumberId(), "--customer", TestNumbers.Customer());

        // Assert
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("TOKEN_MISSING", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Minting_without_a_signing_key_is_a_usage_error_naming_the_setting()
    {
        // Act
        var run = await Cli.Run("token", "--signing-key", "", "--issuer", ApiFactory.Issuer, "--audience", ApiFactory.Audience, "--waba", "1");

        // Assert
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("Conversations__Auth__SigningKey", run.Error, StringComparison.Ordinal);
    }
}
