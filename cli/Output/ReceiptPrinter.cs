using Conversations.Cli.Parsing;
using V1 = Conversations.V1;

namespace Conversations.Cli.Output;

public static class ReceiptPrinter
{
    /// <summary>Prints the idempotency key too, so an operator can retry a send whose answer got lost.</summary>
    public static void Print(V1.SendReceipt receipt, string idempotencyKey, TextWriter output)
    {
        output.WriteLine($"accepted {ProtoEnum.Name(receipt.Kind)} message {receipt.MessageId} (replayed: {(receipt.Replayed ? "yes" : "no")})");
        output.WriteLine($"idempotency key: {idempotencyKey}");
        if (receipt.AcceptedAt is { } acceptedAt)
        {
            output.WriteLine($"accepted at: {Instant.Format(acceptedAt)}");
        }

        if (receipt.Conversation is { } conversation)
        {
            ConversationPrinter.Print(conversation, output);
        }
    }
}
