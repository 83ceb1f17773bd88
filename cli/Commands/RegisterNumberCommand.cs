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
        var command = new Command("register-number", "Registers a business phone number to its WABA; conversations on a number need this first.")
        {
            number,
            waba,
        };
        command.SetAction((parse, cancellationToken) => server.RunAsync(parse, async call =>
        {
            var client = new V1.BusinessNumbers.BusinessNumbersClient(call.Channel);
            var registered = await client.RegisterBusinessNumberAsync(
                new V1.RegisterBusinessNumberRequest
                {
                    BusinessNumberId = parse.GetRequiredValue(number),
                    WabaId = parse.GetRequiredValue(waba),
                },
                call.Options);
            call.Output.WriteLine($"registered business number {registered.BusinessNumberId} to WABA {registered.WabaId}");
        }, cancellationToken));
        return command;
    }
}
