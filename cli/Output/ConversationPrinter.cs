using V1 = Conversations.V1;

namespace Conversations.Cli.Output;

public static class ConversationPrinter
{
    public static void Print(V1.Conversation conversation, TextWriter output)
    {
        output.WriteLine($"conversation: business number {conversation.BusinessNumberId}, customer {Customer(conversation.Customer)}");
        output.WriteLine($"window: {Window(conversation)}");
        if (conversation.LastInboundAt is { } lastInbound)
        {
            output.WriteLine($"last inbound: {Instant.Format(lastInbound)}");
        }
    }

    /// <summary>The server answers with wa_id (no '+'); operators type and read E.164.</summary>
    private static string Customer(string customer) => customer.StartsWith('+') ? customer : $"+{customer}";

    private static string Window(V1.Conversation conversation) => conversation switch
    {
        { WindowOpen: true, WindowExpiresAt: { } expires } => $"open until {Instant.Format(expires)}",
        { WindowOpen: true } => "open",
        { WindowClosedAt: { } closed } => $"closed since {Instant.Format(closed)} (templates only)",
        { WindowExpiresAt: { } expires } => $"closed since {Instant.Format(expires)} (templates only)",
        _ => "closed, the customer has never written (templates only)",
    };
}
