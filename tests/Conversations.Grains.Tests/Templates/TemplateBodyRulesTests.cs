using Conversations.Abstractions.Templates;
using static Conversations.Grains.Tests.Templates.TemplateDrafts;

namespace Conversations.Grains.Tests.Templates;

/// <summary>BODY: required, at most 1,024 characters, placeholders {{1}}..{{n}} without gaps or {{named}}, never both.</summary>
public sealed class TemplateBodyRulesTests
{
    [Fact]
    public void Body_of_1024_characters_is_accepted_and_1025_refused()
    {
        Assert.Equal(1024, Accepted(Utility(new string('b', 1024))).Body.Length);

        Invalid(Utility(new string('b', 1025)), "BODY", "max_length").HasMetadata(("limit", "1024"), ("length", "1025"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_body_is_refused_as_a_missing_field(string body) =>
        MissingField(Utility(body), "body");

    [Fact]
    public void Positional_placeholders_are_stored_in_order()
    {
        var template = Accepted(Utility("Hi {{2}}, order {{1}} ships {{3}}; again {{1}}"));

        Assert.Equal(ParameterFormat.Positional, template.ParameterFormat);
        Assert.Equal<string>(["1", "2", "3"], template.ParameterNames);
    }

    [Fact]
    public void Named_placeholders_are_stored_in_order_of_appearance()
    {
        var template = Accepted(Utility("Hi {{first_name}}, order {{order_id}} ships; thanks {{first_name}}"));

        Assert.Equal(ParameterFormat.Named, template.ParameterFormat);
        Assert.Equal<string>(["first_name", "order_id"], template.ParameterNames);
    }

    [Fact]
    public void Body_without_placeholders_takes_no_parameters()
    {
        var template = Accepted(Utility("Your order has shipped"));

        Assert.Equal(ParameterFormat.None, template.ParameterFormat);
        Assert.Empty(template.ParameterNames);
    }

    [Theory]
    [InlineData("Hi {{1}}, your order {{3}} shipped")]
    [InlineData("Your order {{2}} shipped")]
    public void Positional_placeholders_with_a_gap_or_not_from_1_are_refused(string body) =>
        Invalid(Utility(body), "BODY", "positional_contiguous");

    [Fact]
    public void Positional_and_named_placeholders_in_the_body_are_refused() =>
        Invalid(Utility("Hi {{1}}, your order {{order_id}} shipped"), "BODY", "mixed_parameters");

    [Theory]
    [InlineData("Hi {{First Name}}")]
    [InlineData("Hi {{0}}")]
    [InlineData("Hi {{ 1 }}")]
    [InlineData("Hi {{}}")]
    [InlineData("Hi {{first-name}}")]
    public void Placeholder_neither_positional_nor_lowercase_named_is_refused(string body) =>
        Invalid(Utility(body), "BODY", "placeholder_syntax");
}
