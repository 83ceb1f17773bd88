using V1 = Conversations.V1;

namespace Conversations.Cli.Output;

public static class ConversationPrinter
{
    public static void Print(V1.Conversation conversation, TextWriter output)
    {
        output.WriteLine($"conversation: business number {conversation.BusinessNumberId}, customer +{conversation.Customer}");
        output.WriteLine($"window: {Window(conversation)}");
        if (conversation.LastInboundAt is { } lastInbound)
        {
            output.WriteLine($"last inbound: {Instant.Format(lastInbound)}");
        }
    }

    private static string Window(V1.Conversation conversation) => conversation switch
    {
        { WindowOpen: true, WindowExpiresAt: { } expires } => $"open until {Instant.Format(expires)}",
        { WindowClosedAt: { } closed } => $"closed since {Instant.Format(closed)} (templates only)",
        { WindowExpiresAt: { } expires } => $"closed since {Instant.Format(expires)} (templates only)",
        _ => "closed, the customer has never written (templates only)",
    };
}
