using System.Text.Json.Nodes;
using Conversations.Abstractions.Meta;

namespace Conversations.Meta;

/// <summary>
/// Read receipts: <c>POST {graph}/{version}/{phone-number-id}/messages</c> with <c>"status":"read"</c> and, to show the
/// typing indicator, <c>"typing_indicator":{"type":"text"}</c>; Meta answers <c>{"success":true}</c>. One attempt, within
/// <see cref="MetaOptions.AttemptTimeout"/>: a receipt is not worth a retry the caller can make itself.
/// </summary>
public sealed partial class CloudApiClient
{
    public async Task<MetaAnswer<bool>> MarkRead(ReadReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var (_, _, failure) = await Call(HttpMethod.Post, $"{Uri.EscapeDataString(receipt.BusinessNumberId)}/messages", ReadReceiptBody(receipt), cancellationToken);
        return failure is null
            ? MetaAnswer<bool>.Ok(true)
            : MetaAnswer<bool>.Failed(failure.ErrorClass!.Value, failure.Error!);
    }

    internal static byte[] ReadReceiptBody(ReadReceipt receipt)
    {
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["status"] = "read",
            ["message_id"] = receipt.Wamid,
        };
        if (receipt.TypingIndicator)
        {
            body["typing_indicator"] = new JsonObject { ["type"] = "text" };
        }

        return System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
    }
}
