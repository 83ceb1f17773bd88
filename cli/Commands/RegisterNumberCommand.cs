using System.CommandLine;
using Conversations.Cli.Parsing;
using V1 = Conversations.V1;

namespace Conversations.Cli.Commands;

public static class RegisterNumberCommand
{
    public static Command Create(ServerConnection server)
    {
        var number = CommandOptions.BusinessNumber();
        var waba = CommandOptions.Waba();
        var portfolio = CommandOptions.Portfolio();
        portfolio.Required = false;
        portfolio.Description += " [default: keep the current; the WABA id on first registration]";
        var throughput = CommandOptions.Throughput();
        // Not given, the option's value is QUALITY_RATING_UNSPECIFIED, which the server reads as "keep the current".
        var quality = CommandOptions.ProtoEnum<V1.QualityRating>("--quality", "The number's quality rating as Meta reports it; without it the current rating stays.");
        quality.Required = false;
        var display = new Option<string>("--display-number")
        {
            Description = "The number as Meta displays it (digits, + and dashes allowed): how Meta's quality updates name it; without it the current one stays.",
        };
        var command = new Command("register-number", "Registers a business phone number to its WABA, or updates its portfolio, throughput, quality rating and display number; conversations on a number need this first.")
        {
            number,
            waba,
            portfolio,
            throughput,
            quality,
            display,
        };
        command.SetAction((parse, cancellationToken) => server.RunAsync(parse, async call =>
        {
            var request = new V1.RegisterBusinessNumberRequest
            {
                BusinessNumberId = parse.GetRequiredValue(number),
                WabaId = parse.GetRequiredValue(waba),
                PortfolioId = parse.GetValue(portfolio) ?? "",
                QualityRating = parse.GetValue(quality),
                DisplayPhoneNumber = parse.GetValue(display) ?? "",
            };
            if (parse.GetValue(throughput) is { } perSecond)
            {
                request.ThroughputPerSecond = perSecond;
            }

            var client = new V1.BusinessNumbersService.BusinessNumbersServiceClient(call.Channel);
            var registered = (await client.RegisterBusinessNumberAsync(request, call.Options)).BusinessNumber;
            call.Output.WriteLine($"registered business number {registered.BusinessNumberId} to WABA {registered.WabaId}");
            call.Output.WriteLine(
                $"portfolio {registered.PortfolioId}, throughput {registered.ThroughputPerSecond} messages/s, quality {ProtoEnum.Name(registered.QualityRating)}");
        }, cancellationToken));
        return command;
    }
}
