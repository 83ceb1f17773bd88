using System.Collections.Immutable;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Templates;
using static Conversations.Grains.Tests.Templates.TemplateDrafts;

namespace Conversations.Grains.Tests.Templates;

/// <summary>
/// At send time the values must fill exactly the template's placeholders (132000), each value must be well formed
/// (132012) and the text they produce must fit (132005).
/// </summary>
public sealed class TemplateSendRulesTests
{
    private static readonly MediaRef Media = new("1234567890", null);

    private static TemplateMessage Message(params string[] parameters) =>
        new("order_update", "en_US", [.. parameters], ImmutableSortedDictionary<string, string>.Empty);

    private static TemplateMessage Named(params (string Name, string Value)[] values) =>
        new("order_update", "en_US", [], values.ToImmutableSortedDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    private static void Sendable(TemplateDefinition template, TemplateMessage message)
    {
        var refusal = TemplateSendRules.Check(template, message);
        Assert.True(refusal is null, refusal?.Message);
    }

    private static Refusal Refused(TemplateDefinition template, TemplateMessage message, RefusalReason reason)
    {
        var refusal = TemplateSendRules.Check(template, message);
        Assert.NotNull(refusal);
        Assert.Equal(reason, refusal.Reason);
        Assert.Equal(template.Name, refusal.Metadata["template"]);
        Assert.Equal(template.Language, refusal.Metadata["language"]);
        return refusal;
    }

    private static Refusal Mismatch(TemplateDefinition template, TemplateMessage message) =>
        Refused(template, message, RefusalReason.TemplateParameterMismatch);

    private static Refusal BadFormat(TemplateDefinition template, TemplateMessage message, string parameter, string rule) =>
        Refused(template, message, RefusalReason.TemplateParameterFormat).HasMetadata(("parameter", parameter), ("rule", rule));

    // Parameter count and names (132000).

    [Fact]
    public void Positional_template_with_exactly_its_parameters_is_sendable() =>
        Sendable(Accepted(Utility("Hi {{1}}, order {{2}} shipped")), Message("Ana", "A-1042"));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Positional_template_with_the_wrong_parameter_count_is_refused_with_132000(int count) =>
        Mismatch(Accepted(Utility("Hi {{1}}, order {{2}} shipped")), Message([.. Enumerable.Repeat("x", count)]))
            .HasMetadata(("expected", "2"), ("received", count.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Positional_template_given_named_parameters_is_refused_with_132000() =>
        Mismatch(Accepted(Utility()), Named(("order_id", "A-1042")));

    [Fact]
    public void Named_template_with_exactly_its_named_parameters_is_sendable() =>
        Sendable(Accepted(Utility("Hi {{first_name}}, order {{order_id}} shipped")), Named(("order_id", "A-1042"), ("first_name", "Ana")));

    [Fact]
    public void Named_template_missing_a_parameter_is_refused_naming_it() =>
        Mismatch(Accepted(Utility("Hi {{first_name}}, order {{order_id}} shipped")), Named(("first_name", "Ana")))
            .HasMetadata(("missing", "order_id"), ("unexpected", ""), ("expected", "2"), ("received", "1"));

    [Fact]
    public void Named_template_given_an_unknown_parameter_is_refused_naming_it() =>
        Mismatch(Accepted(Utility("Hi {{first_name}}")), Named(("first_name", "Ana"), ("last_name", "Silva")))
            .HasMetadata(("missing", ""), ("unexpected", "last_name"));

    [Fact]
    public void Named_template_given_positional_parameters_is_refused_with_132000() =>
        Mismatch(Accepted(Utility("Hi {{first_name}}")), Message("Ana"));

    // Header values.

    private static TemplateDefinition WithHeader(HeaderFormat format, string? text, string body = "Your order {{1}} has shipped") =>
        Accepted(Utility(body) with { Header = new TemplateHeader(format, text) });

    [Fact]
    public void Header_placeholder_with_its_value_is_sendable() =>
        Sendable(WithHeader(HeaderFormat.Text, "Order {{1}}"), Message("A-1042") with { HeaderText = "A-1042" });

    [Fact]
    public void Header_placeholder_without_a_value_is_refused_with_132000() =>
        Mismatch(WithHeader(HeaderFormat.Text, "Order {{1}}"), Message("A-1042"))
            .HasMetadata(("parameter", "header"), ("missing", "header"), ("expected", "1"), ("received", "0"));

    [Fact]
    public void Named_header_placeholder_takes_its_value_from_header_text() =>
        Sendable(WithHeader(HeaderFormat.Text, "Order {{order_id}}", "Hi {{first_name}}"), Named(("first_name", "Ana")) with { HeaderText = "A-1042" });

    [Fact]
    public void Header_value_for_a_header_without_placeholder_is_refused_with_132000() =>
        Mismatch(WithHeader(HeaderFormat.Text, "Order update"), Message("A-1042") with { HeaderText = "A-1042" })
            .HasMetadata(("parameter", "header"), ("unexpected", "header"), ("expected", "0"), ("received", "1"));

    [Fact]
    public void Header_value_for_a_template_without_header_is_refused_with_132000() =>
        Mismatch(Accepted(Utility()), Message("A-1042") with { HeaderText = "A-1042" }).HasMetadata(("unexpected", "header"));

    [Theory]
    [InlineData(HeaderFormat.Image)]
    [InlineData(HeaderFormat.Video)]
    [InlineData(HeaderFormat.Document)]
    public void Media_header_with_its_media_is_sendable(HeaderFormat format) =>
        Sendable(WithHeader(format, null), Message("A-1042") with { HeaderMedia = Media });

    [Fact]
    public void Media_header_without_media_is_refused_with_132000() =>
        Mismatch(WithHeader(HeaderFormat.Image, null), Message("A-1042"))
            .HasMetadata(("parameter", "header_media"), ("missing", "header_media"), ("expected", "1"), ("received", "0"));

    [Fact]
    public void Media_for_a_text_header_is_refused_with_132000() =>
        Mismatch(WithHeader(HeaderFormat.Text, "Order update"), Message("A-1042") with { HeaderMedia = Media })
            .HasMetadata(("parameter", "header_media"), ("unexpected", "header_media"));

    [Fact]
    public void Media_for_a_template_without_header_is_refused_with_132000() =>
        Mismatch(Accepted(Utility()), Message("A-1042") with { HeaderMedia = Media }).HasMetadata(("unexpected", "header_media"));

    // Button values.

    private static TemplateDefinition WithButtons(params TemplateButton[] buttons) => Accepted(Utility().WithButtons(buttons));

    [Fact]
    public void Url_button_with_a_dynamic_suffix_and_its_value_is_sendable() =>
        Sendable(WithButtons(QuickReply(), Url("https://example.com/track/{{1}}")), Message("A-1042").WithButtons((1, "A-1042")));

    [Fact]
    public void Url_button_with_a_dynamic_suffix_without_its_value_is_refused_with_132000() =>
        Mismatch(WithButtons(QuickReply(), Url("https://example.com/track/{{1}}")), Message("A-1042"))
            .HasMetadata(("parameter", "button.1"), ("missing", "button.1"), ("expected", "1"), ("received", "0"));

    [Fact]
    public void Url_button_value_at_another_buttons_index_is_refused_with_132000() =>
        Mismatch(WithButtons(QuickReply(), Url("https://example.com/track/{{1}}")), Message("A-1042").WithButtons((0, "A-1042")))
            .HasMetadata(("parameter", "button.0"), ("unexpected", "button.0"));

    [Fact]
    public void Value_for_a_static_url_button_is_refused_with_132000() =>
        Mismatch(WithButtons(Url("https://example.com/track")), Message("A-1042").WithButtons((0, "A-1042")))
            .HasMetadata(("parameter", "button.0"), ("unexpected", "button.0"), ("expected", "0"), ("received", "1"));

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Value_for_a_button_the_template_does_not_have_is_refused_with_132000(int index) =>
        Mismatch(WithButtons(Url("https://example.com/track/{{1}}")), Message("A-1042").WithButtons((0, "A-1042"), (index, "x")))
            .HasMetadata(("unexpected", $"button.{index}"));

    [Fact]
    public void Two_values_for_one_button_are_refused_with_132000() =>
        Mismatch(WithButtons(Url("https://example.com/track/{{1}}")), Message("A-1042").WithButtons((0, "A-1042"), (0, "A-1043")))
            .HasMetadata(("parameter", "button.0"));

    [Fact]
    public void Copy_code_button_without_its_code_is_refused_with_132000() =>
        Mismatch(Accepted(Marketing().WithButtons(CopyCode())), Message("Ana")).HasMetadata(("missing", "button.0"));

    [Fact]
    public void Copy_code_of_15_characters_is_sendable_and_16_refused_with_132012()
    {
        var template = Accepted(Marketing().WithButtons(CopyCode()));
        Sendable(template, Message("Ana").WithButtons((0, new string('C', 15))));

        BadFormat(template, Message("Ana").WithButtons((0, new string('C', 16))), "button.0", "copy_code_length")
            .HasMetadata(("limit", "15"), ("length", "16"));
    }

    // Value format (132012).

    public static TheoryData<string, string> BadValues => new()
    {
        { "line\nbreak", "newline" },
        { "line\r\nbreak", "newline" },
        { "tab\there", "tab" },
        { "five     spaces", "consecutive_spaces" },
        { "", "empty" },
        { "   ", "empty" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Malformed_positional_body_value_is_refused_with_132012(string value, string rule) =>
        BadFormat(Accepted(Utility("Hi {{1}}, order {{2}} shipped")), Message("Ana", value), "body.2", rule);

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Malformed_named_body_value_is_refused_with_132012(string value, string rule) =>
        BadFormat(Accepted(Utility("Hi {{first_name}}")), Named(("first_name", value)), "body.first_name", rule);

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Malformed_header_value_is_refused_with_132012(string value, string rule) =>
        BadFormat(WithHeader(HeaderFormat.Text, "Order {{1}}"), Message("A-1042") with { HeaderText = value }, "header", rule);

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Malformed_button_value_is_refused_with_132012(string value, string rule) =>
        BadFormat(WithButtons(QuickReply(), QuickReply("Help"), Url("https://example.com/track/{{1}}")), Message("A-1042").WithButtons((2, value)), "button.2", rule);

    [Fact]
    public void Value_with_four_consecutive_spaces_is_sendable_and_five_refused()
    {
        var template = Accepted(Utility());
        Sendable(template, Message("four    spaces"));

        BadFormat(template, Message("five     spaces"), "body.1", "consecutive_spaces").HasMetadata(("limit", "4"));
    }

    // Hydrated length (132005).

    [Fact]
    public void Body_of_1024_characters_with_its_values_is_sendable_and_1025_refused_with_132005()
    {
        var template = Accepted(Utility("Order {{1}}"));
        Sendable(template, Message(new string('x', 1024 - "Order ".Length)));

        Refused(template, Message(new string('x', 1025 - "Order ".Length)), RefusalReason.TemplateTextTooLong)
            .HasMetadata(("component", "BODY"), ("limit", "1024"), ("length", "1025"));
    }

    [Fact]
    public void Named_body_with_its_values_over_1024_characters_is_refused_with_132005() =>
        Refused(Accepted(Utility("{{a}}{{b}}")), Named(("a", new string('a', 512)), ("b", new string('b', 513))), RefusalReason.TemplateTextTooLong)
            .HasMetadata(("component", "BODY"), ("length", "1025"));

    [Fact]
    public void Repeated_placeholder_counts_its_value_each_time() =>
        Refused(Accepted(Utility("{{1}} {{1}}")), Message(new string('x', 512)), RefusalReason.TemplateTextTooLong)
            .HasMetadata(("component", "BODY"), ("length", "1025"));

    [Fact]
    public void Header_of_60_characters_with_its_value_is_sendable_and_61_refused_with_132005()
    {
        var template = WithHeader(HeaderFormat.Text, "Order {{1}}");
        Sendable(template, Message("A-1042") with { HeaderText = new string('x', 60 - "Order ".Length) });

        Refused(template, Message("A-1042") with { HeaderText = new string('x', 61 - "Order ".Length) }, RefusalReason.TemplateTextTooLong)
            .HasMetadata(("component", "HEADER"), ("limit", "60"), ("length", "61"));
    }

    // Authentication codes.

    [Fact]
    public void Authentication_code_of_15_characters_is_sendable_and_16_refused_with_132012()
    {
        var template = Accepted(Authentication());
        Sendable(template, Message(new string('7', 15)));

        BadFormat(template, Message(new string('7', 16)), "body.1", "authentication_code_length").HasMetadata(("limit", "15"), ("length", "16"));
    }

    [Fact]
    public void Named_authentication_code_of_16_characters_is_refused_naming_it() =>
        BadFormat(Accepted(Authentication("{{code}} is your verification code.")), Named(("code", new string('7', 16))), "body.code", "authentication_code_length");

    [Fact]
    public void Otp_button_needs_the_code() =>
        Mismatch(Accepted(Authentication().WithButtons(Otp())), Message("123456")).HasMetadata(("missing", "button.0"));

    [Fact]
    public void Otp_button_code_of_15_characters_is_sendable_and_16_refused_with_132012()
    {
        var template = Accepted(Authentication().WithButtons(Otp()));
        Sendable(template, Message("123456").WithButtons((0, new string('7', 15))));

        BadFormat(template, Message("123456").WithButtons((0, new string('7', 16))), "button.0", "authentication_code_length")
            .HasMetadata(("limit", "15"), ("length", "16"));
    }

    [Fact]
    public void A_16_character_value_is_fine_outside_authentication() =>
        Sendable(Accepted(Utility()), Message(new string('7', 16)));
}
