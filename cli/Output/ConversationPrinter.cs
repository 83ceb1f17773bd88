using V1 = Conversations.V1;

namespace Conversations.Cli.Output;

public static class ConversationPrinter
{
    public static void Print(V1.Conversation conversation, TextWriter output)
    {
        output.WriteLine($"conversation: business number {conversation.BusinessNumberId}, customer {Customer(conversation.Customer, conversation.CustomerUserId)}");
        output.WriteLine($"window: {Window(conversation)}");
        if (conversation.LastInboundAt is { } lastInbound)
        {
            output.WriteLine($"last inbound: {Instant.Format(lastInbound)}");
        }
    }

    /// <summary>
    /// The customer as operators read them: the phone number in E.164 (the server answers with wa_id, no '+'), the BSUID,
    /// or both as "+16315551181 (US.13491208655302741918)"; empty for number-wide events.
    /// </summary>
    public static string Customer(string phone, string userId) => (phone, userId) switch
    {
        ("", "") => "",
        (_, "") => Phone(phone),
        ("", _) => userId,
        _ => $"{Phone(phone)} ({userId})",
    };

    private static string Phone(string customer) => customer.StartsWith('+') ? customer : $"+{customer}";

    private static string Window(V1.Conversation conversation) => conversation switch
    {
        { WindowOpen: true, WindowExpiresAt: { } expires } => $"open until {Instant.Format(expires)}",
        { WindowOpen: true } => "open",
        { WindowClosedAt: { } closed } => $"closed since {Instant.Format(closed)} (templates only)",
        { WindowExpiresAt: { } expires } => $"closed since {Instant.Format(expires)} (templates only)",
        _ => "closed, the customer has never written (templates only)",
    };
}
