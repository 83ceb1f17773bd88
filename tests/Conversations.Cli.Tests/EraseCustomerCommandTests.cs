using Conversations.Api.Tests;
using Conversations.Testing;

namespace Conversations.Cli.Tests;

/// <summary>erase-customer against the real api: it prints what the server erased, and the customer is then a stranger.</summary>
[Collection(CliApiCollection.Name)]
public sealed class EraseCustomerCommandTests(ApiFactory api)
{
    [Fact]
    public async Task Erase_customer_prints_what_was_erased_and_show_then_finds_a_customer_who_never_wrote()
    {
        // Arrange
        var (number, customer) = (TestNumbers.BusinessNumberId(), TestNumbers.Customer());
        await Cli.Run(api, "register-number", "--number", number, "--waba", TestNumbers.WabaId());
        await Cli.Run(api, "record-inbound", "--number", number, "--customer", "+" + customer, "--ago", "2h", "--text", "Please delete my data");

        // Act
        var erased = await Cli.Run(api, "erase-customer", "--number", number, "--customer", "+" + customer);
        var again = await Cli.Run(api, "erase-customer", "--number", number, "--customer", customer);
        var shown = await Cli.Run(api, "show", "--number", number, "--customer", customer);

        // Assert
        Assert.Equal((ExitCodes.Success, ""), (erased.ExitCode, erased.Error));
        Assert.Equal(
            [
                $"erased the conversation of +{customer} with business number {number}",
                "messages: 0 (scheduled sends cancelled: 0), events: 2, usage markers: 0, messaging limit reach: none",
            ],
            Lines(erased.Output));
        Assert.Equal(
            [
                $"no conversation of +{customer} with business number {number} was stored; erased what remained of it",
                "messages: 0 (scheduled sends cancelled: 0), events: 0, usage markers: 0, messaging limit reach: none",
            ],
            Lines(again.Output));
        Assert.Contains("window: closed, the customer has never written (templates only)", Lines(shown.Output));
    }

    [Fact]
    public async Task A_malformed_customer_is_refused_by_the_server_with_2_and_its_reason()
    {
        // Arrange
        var number = TestNumbers.BusinessNumberId();
        await Cli.Run(api, "register-number", "--number", number, "--waba", TestNumbers.WabaId());

        // Act
        var run = await Cli.Run(api, "erase-customer", "--number", number, "--customer", "+1 650 555");

        // Assert
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("refused: INVALID_CUSTOMER (INVALID_ARGUMENT)", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
