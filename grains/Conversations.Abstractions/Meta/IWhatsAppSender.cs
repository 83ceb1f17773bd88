namespace Conversations.Abstractions.Meta;

/// <summary>Sends a decided message to WhatsApp (the Cloud API, or the local simulator of it).</summary>
public interface IWhatsAppSender
{
    Task<DispatchResult> Send(OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>Marks a customer's message read (<c>"status":"read"</c> on the messages endpoint), with the typing indicator when asked.</summary>
    Task<MetaAnswer<bool>> MarkRead(ReadReceipt receipt, CancellationToken cancellationToken);
}
