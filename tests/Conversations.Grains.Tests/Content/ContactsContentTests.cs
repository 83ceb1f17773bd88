using Conversations.Abstractions.Messages;
using Conversations.Grains.Sending;

namespace Conversations.Grains.Tests.Content;

public sealed class ContactsContentTests
{
    private static readonly ContentLimits Defaults = new();

    private static ContactCard Card(string name = "Ana Rivera") => new(name, ["+16505551234"], []);

    private static ContactsMessage Contacts(params ContactCard[] cards) => new([.. cards]);

    private static ContactsMessage Numbered(int count) => new([.. Enumerable.Range(0, count).Select(i => Card($"Contact {i}"))]);

    [Fact]
    public void Contact_with_a_phone_is_accepted() =>
        Assert.Null(ContentRules.Check(Contacts(Card()), Defaults));

    [Fact]
    public void Contact_with_only_an_email_is_accepted() =>
        Assert.Null(ContentRules.Check(Contacts(new ContactCard("Ana Rivera", [], ["ana@example.com"])), Defaults));

    [Fact]
    public void Contacts_of_20_are_accepted_and_21_refused_as_too_many_items()
    {
        Assert.Null(ContentRules.Check(Numbered(20), Defaults));

        Refused.TooMany(ContentRules.Check(Numbered(21), Defaults), "contacts", 20, 21);
    }

    [Fact]
    public void Contacts_of_none_are_refused_as_missing()
    {
        Refused.Missing(ContentRules.Check(Contacts(), Defaults), "contacts");
        Refused.Missing(ContentRules.Check(new ContactsMessage(default), Defaults), "contacts");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Contact_without_a_formatted_name_is_refused_as_missing(string name) =>
        Refused.Missing(ContentRules.Check(Contacts(Card(), Card(name)), Defaults), "contacts[1].name.formatted_name");

    [Fact]
    public void Contact_formatted_name_of_1000_characters_is_accepted_and_1001_refused()
    {
        Assert.Null(ContentRules.Check(Contacts(Card(new string('n', 1000))), Defaults));

        Refused.TooLong(ContentRules.Check(Contacts(Card(new string('n', 1001))), Defaults), "contacts[0].name.formatted_name", 1000, 1001);
    }

    [Fact]
    public void Contact_without_a_phone_or_an_email_is_refused_as_missing()
    {
        Refused.Missing(ContentRules.Check(Contacts(Card(), new ContactCard("Ana Rivera", [], [])), Defaults), "contacts[1].phones|emails");
        Refused.Missing(ContentRules.Check(Contacts(new ContactCard("Ana Rivera", default, default)), Defaults), "contacts[0].phones|emails");
    }

    [Fact]
    public void Contact_whose_phones_and_emails_are_all_blank_is_refused_as_missing() =>
        Refused.Missing(ContentRules.Check(Contacts(new ContactCard("Ana Rivera", ["", " "], [""])), Defaults), "contacts[0].phones|emails");

    [Fact]
    public void Contact_count_limit_comes_from_content_limits()
    {
        var limits = new ContentLimits { MaxContacts = 2 };

        Assert.Null(ContentRules.Check(Numbered(2), limits));
        Refused.TooMany(ContentRules.Check(Numbered(3), limits), "contacts", 2, 3);
    }
}
