using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Templates;

/// <summary>Meta's spelling of each button type (QUICK_REPLY, PHONE_NUMBER, ...), used in refusal messages.</summary>
public static class ButtonTypeNames
{
    public static string Of(ButtonType type) => type switch
    {
        ButtonType.QuickReply => "QUICK_REPLY",
        ButtonType.PhoneNumber => "PHONE_NUMBER",
        ButtonType.CopyCode => "COPY_CODE",
        _ => type.ToString().ToUpperInvariant(),
    };
}
