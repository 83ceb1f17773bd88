using System.CommandLine;
using Conversations.Cli.Output;
using Conversations.Cli.Parsing;
using V1 = Conversations.V1;

namespace Conversations.Cli.Commands;

public static class SendTextCommand
{
    public static Command Create(ServerConnection server)
    {
        var number = CommandOptions.BusinessNumber();
        var customer = new CustomerOptions();
        var body = new Option<string>("--body") { Description = "The free-form text.", Required = true };
        var idempotencyKey = CommandOptions.IdempotencyKey();
        var command = new Command("text", "Sends free-form text; refused with WINDOW_CLOSED (131047) outside the customer service window.")
        {
            number,
            body,
            idempotencyKey,
        };
        customer.AddTo(command);
        command.SetAction((parse, cancellationToken) => server.RunAsync(parse, async call =>
        {
            var request = new V1.SendRequest
            {
                BusinessNumberId = parse.GetRequiredValue(number),
                Customer = customer.PhoneOf(parse),
                CustomerUserId = customer.UserIdOf(parse),
                IdempotencyKey = parse.GetValue(idempotencyKey) ?? Guid.NewGuid().ToString(),
                Text = new V1.TextContent { Body = parse.GetRequiredValue(body) },
            };
            var sent = await new V1.ConversationsService.ConversationsServiceClient(call.Channel).SendAsync(request, call.Options);
            ReceiptPrinter.Print(sent.Receipt, request.IdempotencyKey, call.Output);
        }, cancellationToken));
        return command;
    }
}
