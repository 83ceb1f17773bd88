using System.CommandLine;
using Conversations.Cli.Output;
using Conversations.Cli.Parsing;
using V1 = Conversations.V1;

namespace Conversations.Cli.Commands;

/// <summary>`messaging-limit`: reads a portfolio's messaging limit, or sets its tier with --tier.</summary>
public static class MessagingLimitCommand
{
    public static Command Create(ServerConnection server)
    {
        var portfolio = CommandOptions.Portfolio();
        var tier = CommandOptions.MessagingLimitTier();
        var command = new Command("messaging-limit", "Shows a portfolio's messaging limit (unique customers reached by templates in the moving 24 h); --tier sets it.")
        {
            portfolio,
            tier,
        };
        command.SetAction((parse, cancellationToken) => server.RunAsync(parse, async call =>
        {
            var client = new V1.BusinessNumbersService.BusinessNumbersServiceClient(call.Channel);
            var portfolioId = parse.GetRequiredValue(portfolio);
            var limit = parse.GetValue(tier) is { } newTier
                ? (await client.SetMessagingLimitAsync(new V1.SetMessagingLimitRequest { PortfolioId = portfolioId, Tier = newTier }, call.Options)).MessagingLimit
                : (await client.GetMessagingLimitAsync(new V1.GetMessagingLimitRequest { PortfolioId = portfolioId }, call.Options)).MessagingLimit;
            MessagingLimitPrinter.Print(limit, call.Output);
        }, cancellationToken));
        return command;
    }
}
