using Conversations.Abstractions.Refusals;

namespace Conversations.Abstractions.Messages;

public static class InboundMessageTypes
{
    /// <summary>Parses Meta's lowercase webhook type name ("text", "interactive", ...).</summary>
    public static Result<InboundMessageType> Parse(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return Refusal.MissingField("type");
        }

        return type.Trim() switch
        {
            "text" => Result<InboundMessageType>.Ok(InboundMessageType.Text),
            "image" => Result<InboundMessageType>.Ok(InboundMessageType.Image),
            "audio" => Result<InboundMessageType>.Ok(InboundMessageType.Audio),
            "video" => Result<InboundMessageType>.Ok(InboundMessageType.Video),
            "document" => Result<InboundMessageType>.Ok(InboundMessageType.Document),
            "sticker" => Result<InboundMessageType>.Ok(InboundMessageType.Sticker),
            "location" => Result<InboundMessageType>.Ok(InboundMessageType.Location),
            "contacts" => Result<InboundMessageType>.Ok(InboundMessageType.Contacts),
            "interactive" => Result<InboundMessageType>.Ok(InboundMessageType.Interactive),
            "button" => Result<InboundMessageType>.Ok(InboundMessageType.Button),
            "order" => Result<InboundMessageType>.Ok(InboundMessageType.Order),
            "reaction" => Result<InboundMessageType>.Ok(InboundMessageType.Reaction),
            "call" => Result<InboundMessageType>.Ok(InboundMessageType.Call),
            "unsupported" or "unknown" => Result<InboundMessageType>.Ok(InboundMessageType.Unsupported),
            _ => Refusal.Of(
                RefusalReason.InvalidMessageType,
                $"type '{FieldRules.Echo(type)}' is not a WhatsApp inbound message type (text, image, audio, video, document, sticker, location, contacts, interactive, button, order, reaction, call, unsupported).",
                ("field", "type")),
        };
    }
}
