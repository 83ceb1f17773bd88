using Conversations.Abstractions.Templates;
using static Conversations.Grains.Tests.Templates.TemplateDrafts;

namespace Conversations.Grains.Tests.Templates;

/// <summary>HEADER: text of at most 60 characters with at most one placeholder, or media whose file is given at send time.</summary>
public sealed class TemplateHeaderRulesTests
{
    private static TemplateDraft WithHeader(HeaderFormat format, string? text, string body = "Your order {{1}} has shipped") =>
        Utility(body) with { Header = new TemplateHeader(format, text) };

    [Fact]
    public void Text_header_of_60_characters_is_accepted_and_61_refused()
    {
        Assert.Equal(60, Accepted(WithHeader(HeaderFormat.Text, new string('h', 60))).Header!.Text!.Length);

        Invalid(WithHeader(HeaderFormat.Text, new string('h', 61)), "HEADER", "max_length").HasMetadata(("limit", "60"), ("length", "61"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Text_header_without_text_is_refused_as_a_missing_field(string? text) =>
        MissingField(WithHeader(HeaderFormat.Text, text), "header.text");

    [Fact]
    public void Text_header_without_a_placeholder_has_no_header_parameter() =>
        Assert.Null(Accepted(WithHeader(HeaderFormat.Text, "Order update")).HeaderParameterName);

    [Fact]
    public void Text_header_with_placeholder_1_records_it_as_the_header_parameter() =>
        Assert.Equal("1", Accepted(WithHeader(HeaderFormat.Text, "Order {{1}}")).HeaderParameterName);

    [Fact]
    public void Text_header_with_one_named_placeholder_records_its_name() =>
        Assert.Equal("order_id", Accepted(WithHeader(HeaderFormat.Text, "Order {{order_id}}", "Hi {{first_name}}")).HeaderParameterName);

    [Theory]
    [InlineData("{{1}} and {{2}}", "2")]
    [InlineData("{{1}} and {{1}}", "2")]
    [InlineData("{{a}} {{b}} {{c}}", "3")]
    public void Text_header_with_more_than_one_placeholder_is_refused(string text, string count) =>
        Invalid(WithHeader(HeaderFormat.Text, text), "HEADER", "parameter_count").HasMetadata(("limit", "1"), ("count", count));

    [Fact]
    public void Text_header_placeholder_other_than_1_is_refused() =>
        Invalid(WithHeader(HeaderFormat.Text, "Order {{2}}"), "HEADER", "positional_contiguous");

    [Fact]
    public void Text_header_placeholder_of_bad_syntax_is_refused() =>
        Invalid(WithHeader(HeaderFormat.Text, "Order {{Order Id}}"), "HEADER", "placeholder_syntax");

    [Theory]
    [InlineData(HeaderFormat.Image)]
    [InlineData(HeaderFormat.Video)]
    [InlineData(HeaderFormat.Document)]
    public void Media_header_without_text_is_accepted(HeaderFormat format)
    {
        var template = Accepted(WithHeader(format, null));

        Assert.Equal(format, template.Header!.Format);
        Assert.Null(template.HeaderParameterName);
    }

    [Theory]
    [InlineData(HeaderFormat.Image)]
    [InlineData(HeaderFormat.Video)]
    [InlineData(HeaderFormat.Document)]
    public void Media_header_with_text_is_refused(HeaderFormat format) =>
        Invalid(WithHeader(format, "Your receipt"), "HEADER", "media_without_text");

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Header_of_unknown_format_is_refused(int format) =>
        Invalid(WithHeader((HeaderFormat)format, null), "HEADER", "header_format");

    [Theory]
    [InlineData("Order {{order_id}}", "Your order {{1}} has shipped")]
    [InlineData("Order {{1}}", "Hi {{first_name}}, your order has shipped")]
    public void Header_and_body_placeholders_of_different_styles_are_refused(string header, string body) =>
        Invalid(WithHeader(HeaderFormat.Text, header, body), "HEADER", "mixed_parameters");

    [Fact]
    public void Header_and_body_both_positional_are_accepted()
    {
        var template = Accepted(WithHeader(HeaderFormat.Text, "Order {{1}}", "Hi {{1}}, it ships {{2}}"));

        Assert.Equal(ParameterFormat.Positional, template.ParameterFormat);
        Assert.Equal<string>(["1", "2"], template.ParameterNames);
        Assert.Equal("1", template.HeaderParameterName);
    }

    [Fact]
    public void Header_placeholder_with_a_body_without_placeholders_sets_the_templates_parameter_style()
    {
        var template = Accepted(WithHeader(HeaderFormat.Text, "Order {{order_id}}", "Your order has shipped"));

        Assert.Equal(ParameterFormat.Named, template.ParameterFormat);
        Assert.Empty(template.ParameterNames);
        Assert.Equal("order_id", template.HeaderParameterName);
    }
}
