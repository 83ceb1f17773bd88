using System.CommandLine;
using Conversations.Cli.Output;
using Conversations.Cli.Parsing;
using V1 = Conversations.V1;

namespace Conversations.Cli.Commands;

public static class ShowCommand
{
    public static Command Create(ServerConnection server)
    {
        var number = CommandOptions.BusinessNumber();
        var customer = new CustomerOptions();
        var command = new Command("show", "Shows a conversation and whether its customer service window is open.")
        {
            number,
        };
        customer.AddTo(command);
        command.SetAction((parse, cancellationToken) => server.RunAsync(parse, async call =>
        {
            var client = new V1.ConversationsService.ConversationsServiceClient(call.Channel);
            var found = await client.GetConversationAsync(
                new V1.GetConversationRequest
                {
                    BusinessNumberId = parse.GetRequiredValue(number),
                    Customer = customer.PhoneOf(parse),
                    CustomerUserId = customer.UserIdOf(parse),
                },
                call.Options);
            ConversationPrinter.Print(found.Conversation, call.Output);
        }, cancellationToken));
        return command;
    }
}
