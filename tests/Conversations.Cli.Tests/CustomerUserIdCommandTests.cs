using Conversations.Api.Tests;
using Conversations.Testing;

namespace Conversations.Cli.Tests;

/// <summary>--customer-user-id: a customer named by BSUID alone or with a phone number, shown with both ids once linked.</summary>
[Collection(CliApiCollection.Name)]
public sealed class CustomerUserIdCommandTests(ApiFactory api)
{
    [Fact]
    public async Task A_customer_recorded_by_bsuid_is_shown_by_it_and_by_the_phone_number_a_later_message_links()
    {
        // Arrange
        var (number, phone, userId) = (TestNumbers.BusinessNumberId(), TestNumbers.Customer(), TestUserIds.Customer());
        await Cli.Run(api, "register-number", "--number", number, "--waba", TestNumbers.WabaId());

        // Act
        var first = await Cli.Run(api, "record-inbound", "--number", number, "--customer-user-id", userId, "--ago", "2h", "--text", "Hi");
        var byUserId = await Cli.Run(api, "show", "--number", number, "--customer-user-id", userId);
        await Cli.Run(api, "record-inbound", "--number", number, "--customer", "+" + phone, "--customer-user-id", userId, "--ago", "1h", "--text", "Me again");
        var byPhone = await Cli.Run(api, "show", "--number", number, "--customer", "+" + phone);

        // Assert
        Assert.Equal((ExitCodes.Success, ""), (first.ExitCode, first.Error));
        Assert.Contains($"conversation: business number {number}, customer {userId}", Lines(byUserId.Output));
        Assert.Contains($"conversation: business number {number}, customer +{phone} ({userId})", Lines(byPhone.Output));
        Assert.Contains(Lines(byPhone.Output), line => line.StartsWith("window: open until", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_without_either_customer_option_is_a_usage_error_naming_both()
    {
        var run = await Cli.Run(api, "show", "--number", TestNumbers.BusinessNumberId());

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--customer-user-id", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_malformed_bsuid_is_refused_by_the_server_with_2_and_its_reason()
    {
        var number = TestNumbers.BusinessNumberId();
        await Cli.Run(api, "register-number", "--number", number, "--waba", TestNumbers.WabaId());

        var run = await Cli.Run(api, "send", "text", "--number", number, "--customer-user-id", "US.ENT.118", "--body", "hi");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("refused: INVALID_CUSTOMER (INVALID_ARGUMENT)", run.Error, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
