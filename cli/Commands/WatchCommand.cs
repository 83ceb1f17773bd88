using System.CommandLine;
using System.Globalization;
using Conversations.Cli.Output;
using Conversations.Cli.Parsing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Cli.Commands;

/// <summary>`watch`: prints a business number's conversation events as they happen, until Ctrl-C.</summary>
public static class WatchCommand
{
    public static Command Create(ServerConnection server)
    {
        var number = CommandOptions.BusinessNumber();
        var customer = new CustomerOptions { Optional = true };
        customer.Phone.Description = "Only this customer's events (E.164, with or without '+'). [default: every customer]";
        customer.UserId.Description = "Only this customer's events, named by business-scoped user id (BSUID). [default: every customer]";
        var after = new Option<ulong?>("--after")
        {
            Description = "Print the retained events after this position first (0: every retained event). [default: live events only]",
            HelpName = "position",
        };
        var command = new Command("watch", "Prints conversation events of a business number live: inbound messages, window changes, statuses. Ctrl-C stops.")
        {
            number,
            after,
        };
        customer.AddTo(command);
        command.SetAction((parse, cancellationToken) => server.RunAsync(parse, async call =>
        {
            var request = new V1.SubscribeRequest
            {
                BusinessNumberId = parse.GetRequiredValue(number),
                Customer = customer.PhoneOf(parse),
                CustomerUserId = customer.UserIdOf(parse),
            };
            if (parse.GetValue(after) is { } position)
            {
                request.AfterPosition = position;
            }

            var error = parse.InvocationConfiguration.Error;
            // A watch runs until stopped: no deadline, only the Ctrl-C token.
            using var subscription = new V1.ConversationsService.ConversationsServiceClient(call.Channel)
                .Subscribe(request, call.Options.WithDeadline(DateTime.MaxValue));
            try
            {
                // A refused subscription has no headers of its own: its error comes with the first read.
                if ((await subscription.ResponseHeadersAsync).GetValue("conversations-latest-position") is { } latest)
                {
                    error.WriteLine($"watching business number {request.BusinessNumberId} from position {latest}; Ctrl-C stops");
                }

                await foreach (var conversationEvent in subscription.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    if (conversationEvent.EventsMissedBefore)
                    {
                        call.Output.WriteLine($"(events before #{conversationEvent.Position} are no longer retained: some were missed)");
                    }

                    call.Output.WriteLine(Line(conversationEvent));
                }
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                // Ctrl-C is how a watch ends.
            }
        }, cancellationToken));
        return command;
    }

    /// <summary>One event per line: position, time, customer and per-conversation sequence first, so lines sort and grep well.</summary>
    public static string Line(V1.SubscribeResponse e) =>
        $"#{e.Position} {Instant.Format(e.OccurredAt)} {ConversationPrinter.Customer(e.Customer, e.CustomerUserId)} seq {e.Sequence} {What(e)}";

    private static string What(V1.SubscribeResponse e) => e.Kind switch
    {
        V1.ConversationEventKind.InboundMessage => $"inbound {e.InboundType} {Quoted(e.Text)} ({e.MessageId})",
        V1.ConversationEventKind.WindowOpened => $"window opened, until {Expiry(e)}",
        V1.ConversationEventKind.WindowExtended => $"window extended, until {Expiry(e)}",
        V1.ConversationEventKind.WindowClosingSoon => $"window closing soon, at {Expiry(e)}",
        V1.ConversationEventKind.WindowClosed => "window closed (templates only)",
        V1.ConversationEventKind.MessageStatusChanged => $"message {e.MessageId} {Status(e)}",
        V1.ConversationEventKind.ScheduledSendDecided => $"scheduled message {e.MessageId} decided: {Status(e)}",
        V1.ConversationEventKind.TemplateStatusChanged => $"template {e.TemplateName} ({e.TemplateLanguage}) {e.TemplateStatus}",
        _ => $"event {(int)e.Kind}",
    };

    private static string Expiry(V1.SubscribeResponse e) => e.WindowExpiresAt is { } expires ? Instant.Format(expires) : "?";

    private static string Status(V1.SubscribeResponse e)
    {
        var status = e.Status.ToString().ToUpperInvariant();
        return e.Refusal is { } refusal ? $"{status}: {refusal.Reason} {refusal.Message}" : status;
    }

    private static string Quoted(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= 80
            ? string.Create(CultureInfo.InvariantCulture, $"\"{oneLine}\"")
            : string.Create(CultureInfo.InvariantCulture, $"\"{oneLine[..77]}...\"");
    }
}
