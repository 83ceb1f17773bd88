using System.Globalization;
using Conversations.Abstractions.Meta;
using Conversations.Api.Tests;
using Conversations.Cli.Output;
using Conversations.Testing;

namespace Conversations.Cli.Tests;

/// <summary>mark-read against the real api: the receipt goes to Meta, and a refusal is the server's reason.</summary>
[Collection(CliApiCollection.Name)]
public sealed class MarkReadCommandTests(ApiFactory api)
{
    [Fact]
    public async Task Mark_read_with_typing_prints_the_message_marked_and_hands_Meta_the_receipt()
    {
        // Arrange
        var (number, customer, wamid) = (TestNumbers.BusinessNumberId(), TestNumbers.Customer(), "wamid.cli-" + Guid.NewGuid().ToString("N"));
        await Cli.Run(api, "register-number", "--number", number, "--waba", TestNumbers.WabaId());
        var sentAt = api.Clock.GetUtcNow().AddHours(-2);
        var recorded = await Cli.Run(api, "record-inbound", "--number", number, "--customer", "+" + customer, "--message-id", wamid, "--sent-at", sentAt.ToString("O", CultureInfo.InvariantCulture), "--text", "Hello?");

        // Act
        var run = await Cli.Run(api, "mark-read", "--number", number, "--customer", "+" + customer, "--message-id", wamid, "--typing");

        // Assert
        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        Assert.Equal(ExitCodes.Success, recorded.ExitCode);
        Assert.Equal($"marked {wamid} read (sent at {Instant.Format(sentAt)}); typing indicator shown", run.Output.Trim());
        Assert.Contains(new ReadReceipt(number, wamid, true), api.WhatsApp.ReadReceipts);
    }

    [Fact]
    public async Task Mark_read_of_an_unknown_message_is_refused_with_2_and_MESSAGE_NOT_FOUND()
    {
        // Arrange
        var (number, customer) = (TestNumbers.BusinessNumberId(), TestNumbers.Customer());
        await Cli.Run(api, "register-number", "--number", number, "--waba", TestNumbers.WabaId());
        await Cli.Run(api, "record-inbound", "--number", number, "--customer", "+" + customer, "--ago", "2h", "--text", "Hello?");

        // Act
        var run = await Cli.Run(api, "mark-read", "--number", number, "--customer", customer, "--message-id", "wamid.unknown");

        // Assert
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("refused: MESSAGE_NOT_FOUND (NOT_FOUND)", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }
}
