using System.Text;
using Conversations.Grains.Templates;

namespace Conversations.Grains.Tests.Templates;

/// <summary>Emoji are found by their blocks and category, not by a list; ordinary text symbols are not emoji.</summary>
public sealed class EmojiTests
{
    [Theory]
    [InlineData("😀")]
    [InlineData("🚚")]
    [InlineData("☀")]
    [InlineData("✔")]
    [InlineData("⌚")]
    [InlineData("▶")]
    [InlineData("™")]
    [InlineData("🤌")]
    [InlineData("〽")]
    [InlineData("‼")]
    [InlineData("◻")]
    [InlineData("⬛")]
    public void Pictographs_and_emoji_symbols_are_emoji(string text) =>
        Assert.NotNull(Emoji.FindFirst($"code {text}"));

    [Theory]
    [InlineData("Your code is 123456.")]
    [InlineData("© 2026 Acme")]
    [InlineData("25°C")]
    [InlineData("€5, £5, $5")]
    [InlineData("Olá, ação, naïve")]
    [InlineData("中文, 日本語, 한국어, العربية, עברית")]
    [InlineData("→ ≤ ±")]
    [InlineData("Заказ №12, 21℃")]
    [InlineData("● first ■ second ├─ tree")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_letters_punctuation_and_text_symbols_are_not_emoji(string? text) =>
        Assert.Null(Emoji.FindFirst(text));

    [Fact]
    public void The_first_emoji_is_reported() =>
        Assert.Equal(new Rune(0x1F510), Emoji.FindFirst("Code 🔐 then 😀"));
}
