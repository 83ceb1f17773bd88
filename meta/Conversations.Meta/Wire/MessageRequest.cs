using System.Text.Json.Serialization;
using Conversations.Abstractions.Identity;

namespace Conversations.Meta.Wire;

/// <summary>
/// The body of <c>POST /{phone-number-id}/messages</c>: the envelope, then the one object that <see cref="Type"/> names
/// (Meta keys the content by its type, so every other slot stays null and is left out).
/// </summary>
internal sealed class MessageRequest(string to, string type)
{
    public string MessagingProduct => "whatsapp";

    public string RecipientType => "individual";

    /// <summary>A phone number (wa_id); left out when the customer is addressed by BSUID in <see cref="Recipient"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? To { get; } = CustomerUserId.Is(to) ? null : to;

    /// <summary>A business-scoped user id: Meta's field for customers addressed without a phone number.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Recipient { get; } = CustomerUserId.Is(to) ? to : null;

    public string Type { get; } = type;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextObject? Text { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MediaObject? Image { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MediaObject? Audio { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MediaObject? Video { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MediaObject? Document { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MediaObject? Sticker { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public InteractiveObject? Interactive { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LocationObject? Location { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ContactObject>? Contacts { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReactionObject? Reaction { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TemplateObject? Template { get; init; }
}
