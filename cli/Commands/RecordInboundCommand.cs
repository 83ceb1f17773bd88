using System.CommandLine;
using Conversations.Cli.Output;
using Conversations.Cli.Parsing;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Cli.Commands;

/// <summary>Stands in for Meta's webhook: records a message the customer sent, which opens or extends the window.</summary>
public static class RecordInboundCommand
{
    public static Command Create(ServerConnection server)
    {
        var number = CommandOptions.BusinessNumber();
        var customer = new CustomerOptions();
        var messageId = new Option<string?>("--message-id")
        {
            Description = "Meta's message id; recording the same id twice changes nothing. [default: a fresh wamid.cli-<guid>]",
            HelpName = "wamid",
        };
        var sentAt = CommandOptions.Instant("--sent-at", "When the customer sent it; without an offset, UTC. [default: now]");
        var ago = CommandOptions.Duration("--ago", "Alternative to --sent-at: how long ago the customer sent it, e.g. 25h or 25:00:00.");
        var type = new Option<string>("--type")
        {
            Description = "Meta's message type: text, image, audio, video, document, sticker, location, contacts, interactive, button, order, reaction, call.",
            DefaultValueFactory = _ => "text",
        };
        var text = new Option<string?>("--text") { Description = "The message text." };
        var command = new Command("record-inbound", "Records a message the customer sent, as Meta's webhook would.")
        {
            number,
            messageId,
            sentAt,
            ago,
            type,
            text,
        };
        customer.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(sentAt) is not null && result.GetResult(ago) is not null)
            {
                result.AddError("--sent-at and --ago say the same thing; give one of them.");
            }
        });
        command.SetAction((parse, cancellationToken) => server.RunAsync(parse, async call =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var sent = parse.GetValue(sentAt) ?? now - (parse.GetValue(ago) ?? TimeSpan.Zero);
            var id = parse.GetValue(messageId) ?? $"wamid.cli-{Guid.NewGuid():N}";
            var client = new V1.ConversationsService.ConversationsServiceClient(call.Channel);
            var recorded = await client.RecordInboundAsync(
                new V1.RecordInboundRequest
                {
                    BusinessNumberId = parse.GetRequiredValue(number),
                    Customer = customer.PhoneOf(parse),
                    CustomerUserId = customer.UserIdOf(parse),
                    MessageId = id,
                    SentAt = Timestamp.FromDateTimeOffset(sent),
                    Type = parse.GetRequiredValue(type),
                    Text = parse.GetValue(text) ?? "",
                },
                call.Options);
            call.Output.WriteLine($"recorded inbound {id} sent at {Instant.Format(sent)}");
            ConversationPrinter.Print(recorded.Conversation, call.Output);
        }, cancellationToken));
        return command;
    }
}
