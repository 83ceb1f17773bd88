using System.CommandLine;
using Conversations.Cli.Output;
using Conversations.Cli.Parsing;
using V1 = Conversations.V1;

namespace Conversations.Cli.Commands;

public static class EraseCustomerCommand
{
    public static Command Create(ServerConnection server)
    {
        var number = CommandOptions.BusinessNumber();
        var customer = new CustomerOptions();
        var command = new Command(
            "erase-customer",
            "Erases a customer's conversation with a business number (right to erasure): window, messages, scheduled sends, events, usage markers and messaging-limit reach. Needs the numbers.admin scope.")
        {
            number,
        };
        customer.AddTo(command);
        command.SetAction((parse, cancellationToken) => server.RunAsync(parse, async call =>
        {
            var client = new V1.ConversationsService.ConversationsServiceClient(call.Channel);
            var erased = await client.EraseCustomerAsync(
                new V1.EraseCustomerRequest
                {
                    BusinessNumberId = parse.GetRequiredValue(number),
                    Customer = customer.PhoneOf(parse),
                    CustomerUserId = customer.UserIdOf(parse),
                },
                call.Options);
            call.Output.WriteLine(erased.ConversationExisted
                ? $"erased the conversation of {ConversationPrinter.Customer(erased.Customer, erased.CustomerUserId)} with business number {erased.BusinessNumberId}"
                : $"no conversation of {ConversationPrinter.Customer(erased.Customer, erased.CustomerUserId)} with business number {erased.BusinessNumberId} was stored; erased what remained of it");
            call.Output.WriteLine(
                $"messages: {erased.MessagesErased} (scheduled sends cancelled: {erased.ScheduledSendsCancelled}), events: {erased.EventsErased}, "
                + $"usage markers: {erased.UsageMarkersErased}, messaging limit reach: {(erased.MessagingLimitReachErased ? "erased" : "none")}");
        }, cancellationToken));
        return command;
    }
}
