using Conversations.Abstractions.Templates;
using static Conversations.Grains.Tests.Templates.TemplateDrafts;

namespace Conversations.Grains.Tests.Templates;

/// <summary>A template is named by lowercase letters, digits and '_' (at most 512) plus a WhatsApp language code.</summary>
public sealed class TemplateIdentityRulesTests
{
    [Fact]
    public void Name_of_512_characters_is_accepted_and_513_refused()
    {
        Assert.Equal(512, Accepted(Utility() with { Name = new string('a', 512) }).Name.Length);

        Invalid(Utility() with { Name = new string('a', 513) }, "NAME", "name_format").HasMetadata(("limit", "512"), ("length", "513"));
    }

    [Theory]
    [InlineData("order_update")]
    [InlineData("order_update_2")]
    [InlineData("a")]
    [InlineData("_")]
    [InlineData("2024")]
    public void Name_of_lowercase_letters_digits_and_underscores_is_accepted(string name) =>
        Assert.Equal(name, Accepted(Utility() with { Name = name }).Name);

    [Theory]
    [InlineData("Order_update")]
    [InlineData("order-update")]
    [InlineData("order update")]
    [InlineData("order.update")]
    [InlineData("ordér")]
    [InlineData(" order")]
    public void Name_with_anything_but_lowercase_letters_digits_and_underscores_is_refused(string name) =>
        Invalid(Utility() with { Name = name }, "NAME", "name_format");

    [Fact]
    public void Empty_name_is_refused_as_a_missing_field() =>
        MissingField(Utility() with { Name = "" }, "name");

    [Theory]
    [InlineData("en")]
    [InlineData("fil")]
    [InlineData("en_US")]
    [InlineData("pt_BR")]
    [InlineData("zh_HK")]
    [InlineData("es_419")]
    public void Language_code_of_a_language_and_optional_region_is_accepted(string language) =>
        Assert.Equal(language, Accepted(Utility() with { Language = language }).Language);

    [Theory]
    [InlineData("english")]
    [InlineData("e")]
    [InlineData("EN")]
    [InlineData("en-US")]
    [InlineData("en_us")]
    [InlineData("en_USA")]
    [InlineData("en_")]
    [InlineData("en US")]
    public void Language_code_not_in_WhatsApp_form_is_refused(string language) =>
        Invalid(Utility() with { Language = language }, "LANGUAGE", "language_code");

    [Fact]
    public void Empty_language_is_refused_as_a_missing_field() =>
        MissingField(Utility() with { Language = "" }, "language");

    [Fact]
    public void Unknown_category_is_refused_as_a_missing_field() =>
        MissingField(Utility() with { Category = 0 }, "category");

    [Fact]
    public void Unknown_status_is_refused_as_a_missing_field() =>
        MissingField(Utility() with { Status = (TemplateStatus)99 }, "status");

    [Fact]
    public void Accepted_template_carries_the_waba_the_draft_and_the_time()
    {
        var template = Accepted(Utility());

        Assert.Equal(WabaId, template.WabaId);
        Assert.Equal("order_update", template.Name);
        Assert.Equal(TemplateCategory.Utility, template.Category);
        Assert.Equal(TemplateStatus.Approved, template.Status);
        Assert.Equal(Now, template.UpdatedAt);
        Assert.Equal(TemplateQuality.Unknown, template.Quality);
        Assert.Equal(0, template.PauseCount);
        Assert.Null(template.PausedUntil);
    }
}
