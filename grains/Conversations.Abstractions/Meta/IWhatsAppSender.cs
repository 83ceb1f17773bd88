namespace Conversations.Abstractions.Meta;

/// <summary>Sends a decided message to WhatsApp (the Cloud API, or the local simulator of it).</summary>
public interface IWhatsAppSender
{
    Task<DispatchResult> Send(OutboundMessage message, CancellationToken cancellationToken);
}
