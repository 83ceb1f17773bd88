using Conversations.Abstractions.Messages;
using Conversations.Grains.Sending;

namespace Conversations.Grains.Tests.Content;

public sealed class ListContentTests
{
    private static readonly ContentLimits Defaults = new();

    private static InteractiveListMessage List(params ListSection[] sections) => new("Choose a slot", null, null, "Slots", [.. sections]);

    private static ListSection Section(string? title, int rows, string prefix = "row") =>
        new(title, [.. Enumerable.Range(0, rows).Select(j => new ListRow($"{prefix}-{j}", $"Row {j}", null))]);

    private static ListSection Section(string? title, params ListRow[] rows) => new(title, [.. rows]);

    private static ListRow Row(string id) => new(id, "Row", null);

    [Fact]
    public void List_with_one_untitled_section_is_accepted() =>
        Assert.Null(ContentRules.Check(List(Section(null, 3)), Defaults));

    [Fact]
    public void List_with_header_footer_and_row_descriptions_is_accepted() =>
        Assert.Null(ContentRules.Check(
            new InteractiveListMessage("Choose", "Header", "Footer", "Slots", [Section("Morning", new ListRow("m1", "9:00", "With Dr. Rivera"))]),
            Defaults));

    [Fact]
    public void List_rows_of_10_are_accepted_and_11_refused_as_too_many_items()
    {
        Assert.Null(ContentRules.Check(List(Section(null, 10)), Defaults));

        Refused.TooMany(ContentRules.Check(List(Section(null, 11)), Defaults), "interactive.sections[].rows", 10, 11);
    }

    [Fact]
    public void List_rows_are_counted_across_sections_so_11_rows_in_two_sections_are_refused()
    {
        Assert.Null(ContentRules.Check(List(Section("Morning", 5, "am"), Section("Afternoon", 5, "pm")), Defaults));

        Refused.TooMany(ContentRules.Check(List(Section("Morning", 6, "am"), Section("Afternoon", 5, "pm")), Defaults), "interactive.sections[].rows", 10, 11);
    }

    [Fact]
    public void List_sections_of_10_are_accepted_and_11_refused_as_too_many_items()
    {
        var limits = new ContentLimits { MaxListRows = 100 };
        ListSection[] Sections(int count) => [.. Enumerable.Range(0, count).Select(i => Section($"Section {i}", 1, $"s{i}"))];

        Assert.Null(ContentRules.Check(List(Sections(10)), limits));
        Refused.TooMany(ContentRules.Check(List(Sections(11)), limits), "interactive.sections", 10, 11);
    }

    [Fact]
    public void List_without_sections_is_refused_as_missing()
    {
        Refused.Missing(ContentRules.Check(List(), Defaults), "interactive.sections");
        Refused.Missing(ContentRules.Check(new InteractiveListMessage("Choose", null, null, "Slots", default), Defaults), "interactive.sections");
    }

    [Fact]
    public void List_section_without_rows_is_refused_as_missing()
    {
        Refused.Missing(ContentRules.Check(List(Section("Morning", 2), Section("Afternoon", 0)), Defaults), "interactive.sections[1].rows");
        Refused.Missing(ContentRules.Check(List(Section("Morning", 2, "am"), new ListSection("Afternoon", default)), Defaults), "interactive.sections[1].rows");
    }

    [Fact]
    public void List_row_title_of_24_characters_is_accepted_and_25_refused()
    {
        Assert.Null(ContentRules.Check(List(Section(null, Row("a"), Row("b"), new ListRow("c", new string('t', 24), null))), Defaults));

        Refused.TooLong(
            ContentRules.Check(List(Section(null, Row("a"), Row("b"), new ListRow("c", new string('t', 25), null))), Defaults),
            "interactive.sections[0].rows[2].title", 24, 25);
    }

    [Fact]
    public void List_row_description_of_72_characters_is_accepted_and_73_refused()
    {
        Assert.Null(ContentRules.Check(List(Section(null, Row("a"), Row("b"), new ListRow("c", "C", new string('d', 72)))), Defaults));

        Refused.TooLong(
            ContentRules.Check(List(Section(null, Row("a"), Row("b"), new ListRow("c", "C", new string('d', 73)))), Defaults),
            "interactive.sections[0].rows[2].description", 72, 73);
    }

    [Fact]
    public void List_row_id_of_200_characters_is_accepted_and_201_refused()
    {
        Assert.Null(ContentRules.Check(List(Section("Morning", Row("a")), Section("Afternoon", Row(new string('i', 200)))), Defaults));

        Refused.TooLong(
            ContentRules.Check(List(Section("Morning", Row("a")), Section("Afternoon", Row(new string('i', 201)))), Defaults),
            "interactive.sections[1].rows[0].id", 200, 201);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void List_row_without_an_id_is_refused_as_missing(string id) =>
        Refused.Missing(ContentRules.Check(List(Section(null, Row("a"), Row(id))), Defaults), "interactive.sections[0].rows[1].id");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void List_row_without_a_title_is_refused_as_missing(string title) =>
        Refused.Missing(ContentRules.Check(List(Section(null, Row("a"), new ListRow("b", title, null))), Defaults), "interactive.sections[0].rows[1].title");

    [Fact]
    public void List_section_title_of_24_characters_is_accepted_and_25_refused()
    {
        Assert.Null(ContentRules.Check(List(Section("Morning", 1, "am"), Section(new string('s', 24), 1, "pm")), Defaults));

        Refused.TooLong(
            ContentRules.Check(List(Section("Morning", 1, "am"), Section(new string('s', 25), 1, "pm")), Defaults),
            "interactive.sections[1].title", 24, 25);
    }

    [Fact]
    public void List_section_title_is_limited_even_when_there_is_one_section() =>
        Refused.TooLong(ContentRules.Check(List(Section(new string('s', 25), 1)), Defaults), "interactive.sections[0].title", 24, 25);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void List_section_title_is_required_when_there_is_more_than_one_section(string? title) =>
        Refused.Missing(ContentRules.Check(List(Section("Morning", 1, "am"), Section(title, 1, "pm")), Defaults), "interactive.sections[1].title");

    [Fact]
    public void List_row_ids_must_be_unique_across_sections_and_the_repeat_is_named() =>
        Refused.Invalid(
            ContentRules.Check(List(Section("Morning", Row("a"), Row("b")), Section("Afternoon", Row("c"), Row("a"))), Defaults),
            "interactive.sections[1].rows[1].id", "unique");

    [Fact]
    public void List_row_ids_must_be_unique_within_a_section() =>
        Refused.Invalid(ContentRules.Check(List(Section(null, Row("a"), Row("a"))), Defaults), "interactive.sections[0].rows[1].id", "unique");

    [Fact]
    public void List_row_titles_may_repeat_across_sections() =>
        Assert.Null(ContentRules.Check(List(Section("Monday", Row("mon-9")), Section("Tuesday", Row("tue-9"))), Defaults));

    [Fact]
    public void List_button_text_of_20_characters_is_accepted_and_21_refused()
    {
        Assert.Null(ContentRules.Check(List(Section(null, 1)) with { ButtonText = new string('b', 20) }, Defaults));

        Refused.TooLong(ContentRules.Check(List(Section(null, 1)) with { ButtonText = new string('b', 21) }, Defaults), "interactive.button", 20, 21);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void List_button_text_is_required(string text) =>
        Refused.Missing(ContentRules.Check(List(Section(null, 1)) with { ButtonText = text }, Defaults), "interactive.button");

    [Fact]
    public void List_body_of_1024_characters_is_accepted_and_1025_refused()
    {
        Assert.Null(ContentRules.Check(List(Section(null, 1)) with { Body = new string('b', 1024) }, Defaults));

        Refused.TooLong(ContentRules.Check(List(Section(null, 1)) with { Body = new string('b', 1025) }, Defaults), "interactive.body", 1024, 1025);
    }

    [Fact]
    public void List_body_is_required() =>
        Refused.Missing(ContentRules.Check(List(Section(null, 1)) with { Body = " " }, Defaults), "interactive.body");

    [Fact]
    public void List_header_and_footer_of_60_characters_are_accepted_and_61_refused()
    {
        Assert.Null(ContentRules.Check(List(Section(null, 1)) with { HeaderText = new string('h', 60), Footer = new string('f', 60) }, Defaults));

        Refused.TooLong(ContentRules.Check(List(Section(null, 1)) with { HeaderText = new string('h', 61) }, Defaults), "interactive.header", 60, 61);
        Refused.TooLong(ContentRules.Check(List(Section(null, 1)) with { Footer = new string('f', 61) }, Defaults), "interactive.footer", 60, 61);
    }

    [Fact]
    public void List_counts_and_lengths_come_from_content_limits()
    {
        var limits = new ContentLimits
        {
            MaxListRows = 3,
            MaxListSections = 2,
            MaxListRowTitleLength = 4,
            MaxListRowDescriptionLength = 5,
            MaxListRowIdLength = 6,
            MaxListSectionTitleLength = 7,
            MaxListButtonTextLength = 8,
        };
        var fits = new InteractiveListMessage(
            "Choose",
            null,
            null,
            "12345678",
            [Section("1234567", new ListRow("123456", "1234", "12345"), Row("b")), Section("Two", Row("c"))]);

        Assert.Null(ContentRules.Check(fits, limits));
        Refused.TooMany(ContentRules.Check(fits with { Sections = [Section(null, 4)] }, limits), "interactive.sections[].rows", 3, 4);
        Refused.TooMany(ContentRules.Check(fits with { Sections = [Section("A", Row("a")), Section("B", Row("b")), Section("C", Row("c"))] }, limits), "interactive.sections", 2, 3);
        Refused.TooLong(ContentRules.Check(fits with { Sections = [Section(null, new ListRow("a", "12345", null))] }, limits), "interactive.sections[0].rows[0].title", 4, 5);
        Refused.TooLong(ContentRules.Check(fits with { Sections = [Section(null, new ListRow("a", "A", "123456"))] }, limits), "interactive.sections[0].rows[0].description", 5, 6);
        Refused.TooLong(ContentRules.Check(fits with { Sections = [Section(null, Row("1234567"))] }, limits), "interactive.sections[0].rows[0].id", 6, 7);
        Refused.TooLong(ContentRules.Check(fits with { Sections = [Section("12345678", Row("a"))] }, limits), "interactive.sections[0].title", 7, 8);
        Refused.TooLong(ContentRules.Check(fits with { ButtonText = "123456789" }, limits), "interactive.button", 8, 9);
    }
}
