using System.Text;
using System.Text.Json.Nodes;
using Conversations.V1;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// Registers a scenario's business numbers at the run's throughput, and sets their portfolio's messaging limit, so a
/// run measures the server at the limits it was asked to, not at Meta's defaults (80/s, 250 customers a day).
/// </summary>
public static class NumberSetup
{
    public static async Task RegisterAsync(ScenarioContext context, string number, string waba, CancellationToken cancellationToken)
    {
        await SetupStep.RequireAsync($"Registering business number {number} at {context.Settings.Throughput:N0}/s", async () =>
            await new BusinessNumbersService.BusinessNumbersServiceClient(context.Channel).RegisterBusinessNumberAsync(
                new RegisterBusinessNumberRequest { BusinessNumberId = number, WabaId = waba, ThroughputPerSecond = context.Settings.Throughput },
                cancellationToken: cancellationToken));
        if (context.Settings.MetaSimulator is { } simulator)
        {
            await TellSimulatorAsync(context, simulator, number, waba, cancellationToken);
        }
    }

    /// <summary>
    /// Gives the number the run's throughput at the Meta simulator too (<c>POST /simulator/numbers</c>), as Meta's upgrade
    /// would: the simulator otherwise refuses beyond Meta's starting 80 a second with 130429.
    /// </summary>
    public static async Task TellSimulatorAsync(ScenarioContext context, Uri simulator, string number, string waba, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["phone_number_id"] = number, ["waba_id"] = waba, ["throughput_per_second"] = context.Settings.Throughput };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        try
        {
            using var response = await context.Http.PostAsync(new Uri(simulator, "/simulator/numbers"), content, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        catch (HttpRequestException failure)
        {
            throw new ScenarioSetupException($"Telling the Meta simulator at {simulator} that number {number} sends {context.Settings.Throughput:N0}/s failed: {failure.Message}", failure);
        }
    }

    /// <summary>The numbers are registered without a portfolio id, so their portfolio is their WABA.</summary>
    public static async Task SetMessagingLimitAsync(ScenarioContext context, string waba, string tier, CancellationToken cancellationToken) =>
        await SetupStep.RequireAsync($"Setting portfolio {waba}'s messaging limit to {tier}", async () =>
            await new BusinessNumbersService.BusinessNumbersServiceClient(context.Channel).SetMessagingLimitAsync(
                new SetMessagingLimitRequest { PortfolioId = waba, Tier = tier },
                cancellationToken: cancellationToken));
}
