using Conversations.V1;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// Registers a scenario's business numbers at the run's throughput, and sets their portfolio's messaging limit, so a
/// run measures the server at the limits it was asked to, not at Meta's defaults (80/s, 250 customers a day).
/// </summary>
public static class NumberSetup
{
    public static async Task RegisterAsync(ScenarioContext context, string number, string waba, CancellationToken cancellationToken) =>
        await SetupStep.RequireAsync($"Registering business number {number} at {context.Settings.Throughput:N0}/s", async () =>
            await new BusinessNumbersService.BusinessNumbersServiceClient(context.Channel).RegisterBusinessNumberAsync(
                new RegisterBusinessNumberRequest { BusinessNumberId = number, WabaId = waba, ThroughputPerSecond = context.Settings.Throughput },
                cancellationToken: cancellationToken));

    /// <summary>The numbers are registered without a portfolio id, so their portfolio is their WABA.</summary>
    public static async Task SetMessagingLimitAsync(ScenarioContext context, string waba, string tier, CancellationToken cancellationToken) =>
        await SetupStep.RequireAsync($"Setting portfolio {waba}'s messaging limit to {tier}", async () =>
            await new BusinessNumbersService.BusinessNumbersServiceClient(context.Channel).SetMessagingLimitAsync(
                new SetMessagingLimitRequest { PortfolioId = waba, Tier = tier },
                cancellationToken: cancellationToken));
}
