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
            // Emoji that live in CJK blocks: 〰 〽 ㊗ ㊙.
            0x3030 or 0x303D or 0x3297 or 0x3299 => true,
            // Symbols from General Punctuation to Miscellaneous Symbols and Arrows (™ ↔ ⌚ ▶ ☀ ✅ ⭐). Latin-1 symbols
            // such as © and ° are left out: they are ordinary text unless followed by the presentation selector.
            >= 0x2000 and <= 0x2BFF => Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol,
            _ => false,
        };
    }
}
