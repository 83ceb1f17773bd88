using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains;

/// <summary>WhatsApp's limits on free-form content ("Conversations:Content"); Meta revises them, so they are settings.</summary>
public sealed class ContentLimits
{
    [Range(1, 65_536)] public int MaxTextLength { get; set; } = 4096;
    [Range(1, 65_536)] public int MaxCaptionLength { get; set; } = 1024;
    [Range(1, 1024)] public int MaxFilenameLength { get; set; } = 240;
    [Range(1, 10)] public int MaxReplyButtons { get; set; } = 3;
    [Range(1, 256)] public int MaxReplyButtonTitleLength { get; set; } = 20;
    [Range(1, 1024)] public int MaxReplyButtonIdLength { get; set; } = 256;
    [Range(1, 65_536)] public int MaxInteractiveBodyLength { get; set; } = 1024;
    [Range(1, 1024)] public int MaxInteractiveHeaderLength { get; set; } = 60;
    [Range(1, 1024)] public int MaxInteractiveFooterLength { get; set; } = 60;
    [Range(1, 100)] public int MaxListRows { get; set; } = 10;
    [Range(1, 100)] public int MaxListSections { get; set; } = 10;
    [Range(1, 256)] public int MaxListRowTitleLength { get; set; } = 24;
    [Range(1, 1024)] public int MaxListRowDescriptionLength { get; set; } = 72;
    [Range(1, 1024)] public int MaxListRowIdLength { get; set; } = 200;
    [Range(1, 256)] public int MaxListSectionTitleLength { get; set; } = 24;
    [Range(1, 256)] public int MaxListButtonTextLength { get; set; } = 20;
    [Range(1, 1024)] public int MaxLocationTextLength { get; set; } = 1000;
    [Range(1, 1000)] public int MaxContacts { get; set; } = 20;
    [Range(1, 4096)] public int MaxContactNameLength { get; set; } = 1000;
    [Range(1, 4096)] public int MaxReactionMessageIdLength { get; set; } = 256;
    [Range(1, 256)] public int MaxReactionEmojiLength { get; set; } = 16;
    [Range(1, 1024)] public int MaxMediaIdLength { get; set; } = 256;
    [Range(1, 8192)] public int MaxMediaLinkLength { get; set; } = 2048;

    /// <summary>
    /// The longest text a customer's message may carry (body, caption, button or list title), in UTF-16 characters:
    /// WhatsApp's own limit on a message, so a real one is never refused; RecordInbound refuses more as TEXT_TOO_LONG.
    /// </summary>
    [Range(1, 262_144)] public int MaxInboundTextLength { get; set; } = 65_536;
}
