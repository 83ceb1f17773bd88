using Conversations.Abstractions.Messages;
using Conversations.Grains.Sending;

namespace Conversations.Grains.Tests.Content;

public sealed class MediaContentTests
{
    private const string Link = "https://cdn.example.com/cat.jpg";
    private static readonly ContentLimits Defaults = new();
    private static readonly MediaRef Uploaded = new("1234567890", null);

    private static MediaMessage Media(MediaType type, MediaRef? media = null, string? caption = null, string? filename = null) =>
        new(type, media ?? Uploaded, caption, filename);

    private static string LinkOfLength(int length) => "https://cdn.example.com/" + new string('a', length - "https://cdn.example.com/".Length);

    public static TheoryData<MediaType, string> AllTypes => new()
    {
        { MediaType.Image, "image" },
        { MediaType.Audio, "audio" },
        { MediaType.Video, "video" },
        { MediaType.Document, "document" },
        { MediaType.Sticker, "sticker" },
    };

    public static TheoryData<MediaType, string> CaptionedTypes => new()
    {
        { MediaType.Image, "image" },
        { MediaType.Video, "video" },
        { MediaType.Document, "document" },
    };

    public static TheoryData<MediaType, string> UncaptionedTypes => new()
    {
        { MediaType.Audio, "audio" },
        { MediaType.Sticker, "sticker" },
    };

    public static TheoryData<MediaType, string> TypesWithoutFilename => new()
    {
        { MediaType.Image, "image" },
        { MediaType.Audio, "audio" },
        { MediaType.Video, "video" },
        { MediaType.Sticker, "sticker" },
    };

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Media_by_uploaded_id_is_accepted(MediaType type, string _) =>
        Assert.Null(ContentRules.Check(Media(type, new MediaRef("1234567890", null)), Defaults));

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Media_by_absolute_https_link_is_accepted(MediaType type, string _) =>
        Assert.Null(ContentRules.Check(Media(type, new MediaRef(null, Link)), Defaults));

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Media_link_over_http_is_refused_as_https_url(MediaType type, string name) =>
        Refused.Invalid(ContentRules.Check(Media(type, new MediaRef(null, "http://cdn.example.com/cat.jpg")), Defaults), $"{name}.link", "https_url");

    [Theory]
    [InlineData("cdn.example.com/cat.jpg")]
    [InlineData("/cat.jpg")]
    [InlineData("ftp://cdn.example.com/cat.jpg")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://")]
    [InlineData("not a url")]
    public void Media_link_that_is_not_an_absolute_https_url_is_refused(string link) =>
        Refused.Invalid(ContentRules.Check(Media(MediaType.Image, new MediaRef(null, link)), Defaults), "image.link", "https_url");

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Media_with_both_id_and_link_is_refused_as_id_or_link(MediaType type, string name) =>
        Refused.Invalid(ContentRules.Check(Media(type, new MediaRef("1234567890", Link)), Defaults), $"{name}.id|link", "id_or_link");

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData(" ", "  ")]
    public void Media_with_neither_id_nor_link_is_refused_as_missing(string? id, string? link) =>
        Refused.Missing(ContentRules.Check(Media(MediaType.Video, new MediaRef(id, link)), Defaults), "video.id|link");

    [Fact]
    public void Media_without_a_media_reference_is_refused_as_missing() =>
        Refused.Missing(ContentRules.Check(new MediaMessage(MediaType.Image, null!, null, null), Defaults), "image.id|link");

    [Fact]
    public void Media_with_a_blank_id_uses_its_link_which_must_be_https()
    {
        Assert.Null(ContentRules.Check(Media(MediaType.Image, new MediaRef("  ", Link)), Defaults));

        Refused.Invalid(ContentRules.Check(Media(MediaType.Image, new MediaRef("  ", "http://cdn.example.com/cat.jpg")), Defaults), "image.link", "https_url");
    }

    [Fact]
    public void Media_with_a_blank_link_uses_its_id() =>
        Assert.Null(ContentRules.Check(Media(MediaType.Image, new MediaRef("1234567890", " ")), Defaults));

    [Fact]
    public void Media_id_of_256_characters_is_accepted_and_257_refused()
    {
        Assert.Null(ContentRules.Check(Media(MediaType.Image, new MediaRef(new string('1', 256), null)), Defaults));

        Refused.TooLong(ContentRules.Check(Media(MediaType.Image, new MediaRef(new string('1', 257), null)), Defaults), "image.id", 256, 257);
    }

    [Fact]
    public void Media_link_of_2048_characters_is_accepted_and_2049_refused()
    {
        Assert.Null(ContentRules.Check(Media(MediaType.Document, new MediaRef(null, LinkOfLength(2048))), Defaults));

        Refused.TooLong(ContentRules.Check(Media(MediaType.Document, new MediaRef(null, LinkOfLength(2049))), Defaults), "document.link", 2048, 2049);
    }

    [Theory]
    [MemberData(nameof(CaptionedTypes))]
    public void Caption_of_1024_characters_is_accepted_and_1025_refused(MediaType type, string name)
    {
        Assert.Null(ContentRules.Check(Media(type, caption: new string('c', 1024)), Defaults));

        Refused.TooLong(ContentRules.Check(Media(type, caption: new string('c', 1025)), Defaults), $"{name}.caption", 1024, 1025);
    }

    [Theory]
    [MemberData(nameof(UncaptionedTypes))]
    public void Caption_on_audio_or_sticker_is_refused_as_no_caption(MediaType type, string name) =>
        Refused.Invalid(ContentRules.Check(Media(type, caption: "listen"), Defaults), $"{name}.caption", "no_caption");

    [Theory]
    [MemberData(nameof(UncaptionedTypes))]
    public void Audio_or_sticker_without_a_caption_is_accepted(MediaType type, string _)
    {
        Assert.Null(ContentRules.Check(Media(type, caption: null), Defaults));
        Assert.Null(ContentRules.Check(Media(type, caption: ""), Defaults));
    }

    [Fact]
    public void Filename_on_a_document_of_240_characters_is_accepted_and_241_refused()
    {
        Assert.Null(ContentRules.Check(Media(MediaType.Document, filename: new string('f', 236) + ".pdf"), Defaults));

        Refused.TooLong(ContentRules.Check(Media(MediaType.Document, filename: new string('f', 237) + ".pdf"), Defaults), "document.filename", 240, 241);
    }

    [Theory]
    [MemberData(nameof(TypesWithoutFilename))]
    public void Filename_on_anything_but_a_document_is_refused_as_document_only(MediaType type, string name) =>
        Refused.Invalid(ContentRules.Check(Media(type, filename: "cat.jpg"), Defaults), $"{name}.filename", "document_only");

    [Fact]
    public void Unspecified_media_type_is_refused_as_missing() =>
        Refused.Missing(ContentRules.Check(Media(default), Defaults), "media.type");

    [Fact]
    public void Unknown_media_type_is_refused_as_invalid() =>
        Refused.Invalid(ContentRules.Check(Media((MediaType)99), Defaults), "media.type", "media_type");

    [Fact]
    public void Media_reference_rules_name_the_field_they_are_given() =>
        Refused.Invalid(ContentRules.CheckMediaRef(new MediaRef(null, "http://cdn.example.com/h.png"), "template.header_media", Defaults), "template.header_media.link", "https_url");

    [Fact]
    public void Caption_limit_comes_from_content_limits()
    {
        var limits = new ContentLimits { MaxCaptionLength = 5 };

        Assert.Null(ContentRules.Check(Media(MediaType.Image, caption: "12345"), limits));
        Refused.TooLong(ContentRules.Check(Media(MediaType.Image, caption: "123456"), limits), "image.caption", 5, 6);
    }

    [Fact]
    public void Filename_limit_comes_from_content_limits()
    {
        var limits = new ContentLimits { MaxFilenameLength = 5 };

        Assert.Null(ContentRules.Check(Media(MediaType.Document, filename: "a.pdf"), limits));
        Refused.TooLong(ContentRules.Check(Media(MediaType.Document, filename: "ab.pdf"), limits), "document.filename", 5, 6);
    }

    [Fact]
    public void Media_id_and_link_limits_come_from_content_limits()
    {
        var limits = new ContentLimits { MaxMediaIdLength = 3, MaxMediaLinkLength = 30 };

        Assert.Null(ContentRules.Check(Media(MediaType.Image, new MediaRef("123", null)), limits));
        Refused.TooLong(ContentRules.Check(Media(MediaType.Image, new MediaRef("1234", null)), limits), "image.id", 3, 4);
        Assert.Null(ContentRules.Check(Media(MediaType.Image, new MediaRef(null, LinkOfLength(30))), limits));
        Refused.TooLong(ContentRules.Check(Media(MediaType.Image, new MediaRef(null, LinkOfLength(31))), limits), "image.link", 30, 31);
    }
}
