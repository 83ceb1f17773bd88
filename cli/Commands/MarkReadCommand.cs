using System.CommandLine;
using Conversations.Cli.Output;
using Conversations.Cli.Parsing;
using V1 = Conversations.V1;

namespace Conversations.Cli.Commands;

public static class MarkReadCommand
{
    public static Command Create(ServerConnection server)
    {
        var number = CommandOptions.BusinessNumber();
        var customer = new CustomerOptions();
        var messageId = new Option<string>("--message-id")
        {
            Description = "The wamid of the customer's message to mark read (and the ones before it).",
            HelpName = "wamid",
            Required = true,
        };
        var typing = new Option<bool>("--typing")
        {
            Description = "Also show WhatsApp's typing indicator, until the reply or 25 s; only when a reply follows.",
        };
        var command = new Command(
            "mark-read",
            "Marks a customer's message read at Meta, optionally with the typing indicator. Not a business message: nothing is charged or counted.")
        {
            number,
            messageId,
            typing,
        };
        customer.AddTo(command);
        command.SetAction((parse, cancellationToken) => server.RunAsync(parse, async call =>
        {
            var client = new V1.ConversationsService.ConversationsServiceClient(call.Channel);
            var marked = await client.MarkReadAsync(
                new V1.MarkReadRequest
                {
                    BusinessNumberId = parse.GetRequiredValue(number),
                    Customer = customer.PhoneOf(parse),
                    CustomerUserId = customer.UserIdOf(parse),
                    MessageId = parse.GetRequiredValue(messageId),
                    TypingIndicator = parse.GetValue(typing),
                },
                call.Options);
            call.Output.WriteLine(
                $"marked {marked.MessageId} read (sent at {Instant.Format(marked.ReceivedAt)})" + (marked.TypingIndicator ? "; typing indicator shown" : ""));
        }, cancellationToken));
        return command;
    }
}
