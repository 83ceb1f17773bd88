using System.Globalization;
using System.Text;

namespace Conversations.Grains.Templates;

/// <summary>Finds emoji in template text, which authentication templates may not contain.</summary>
public static class Emoji
{
    /// <summary>The first emoji of <paramref name="text"/>, or null when it has none.</summary>
    public static Rune? FindFirst(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (IsEmoji(rune))
            {
                return rune;
            }
        }

        return null;
    }

    public static bool IsEmoji(Rune rune)
    {
        var value = rune.Value;
        return value switch
        {
            // Pictographs, emoticons, transport, flags (regional indicators), skin tones and the later emoji blocks.
            >= 0x1F000 and <= 0x1FAFF => true,
            // Emoji presentation selector and combining keycap turn plain characters (digits, #, ©) into emoji.
            0xFE0F or 0x20E3 => true,
            // Miscellaneous Technical (⌚ ⏰), Miscellaneous Symbols (☀ ☎), Dingbats (✅ ✈) and Miscellaneous Symbols and
            // Arrows (⭐ ⬛): their symbols are pictographs; the blocks' letters and marks are not.
            (>= 0x2300 and <= 0x23FF) or (>= 0x2600 and <= 0x27BF) or (>= 0x2B00 and <= 0x2BFF) =>
                Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol,
            // The emoji scattered through text blocks (‼ ⁉ ™ ℹ ↔..↙ ↩ ↪ Ⓜ ▪ ▫ ▶ ◀ ◻..◾ ⤴ ⤵ 〰 〽 ㊗ ㊙). Their neighbours,
            // such as №, ℃, ● and box drawing, are ordinary text, as are Latin-1 symbols like © and ° without U+FE0F.
            0x203C or 0x2049 or 0x2122 or 0x2139 or (>= 0x2194 and <= 0x2199) or 0x21A9 or 0x21AA or 0x24C2
                or 0x25AA or 0x25AB or 0x25B6 or 0x25C0 or (>= 0x25FB and <= 0x25FE) or 0x2934 or 0x2935
                or 0x3030 or 0x303D or 0x3297 or 0x3299 => true,
            _ => false,
        };
    }
}
