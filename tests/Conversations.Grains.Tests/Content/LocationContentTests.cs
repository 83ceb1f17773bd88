using Conversations.Abstractions.Messages;
using Conversations.Grains.Sending;

namespace Conversations.Grains.Tests.Content;

public sealed class LocationContentTests
{
    private static readonly ContentLimits Defaults = new();

    private static LocationMessage At(double latitude, double longitude) => new(latitude, longitude, null, null);

    [Fact]
    public void Location_with_name_and_address_is_accepted() =>
        Assert.Null(ContentRules.Check(new LocationMessage(37.4847, -122.1477, "Meta HQ", "1 Hacker Way, Menlo Park, CA"), Defaults));

    [Theory]
    [InlineData(90)]
    [InlineData(-90)]
    [InlineData(0)]
    public void Latitude_at_the_poles_is_accepted(double latitude) =>
        Assert.Null(ContentRules.Check(At(latitude, 0), Defaults));

    [Theory]
    [InlineData(91)]
    [InlineData(-91)]
    [InlineData(90.000001)]
    [InlineData(-90.000001)]
    public void Latitude_beyond_90_degrees_is_refused(double latitude) =>
        Refused.Invalid(ContentRules.Check(At(latitude, 0), Defaults), "location.latitude", "range");

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Latitude_that_is_not_a_finite_number_is_refused(double latitude) =>
        Refused.Invalid(ContentRules.Check(At(latitude, 0), Defaults), "location.latitude", "range");

    [Theory]
    [InlineData(180)]
    [InlineData(-180)]
    public void Longitude_at_the_antimeridian_is_accepted(double longitude) =>
        Assert.Null(ContentRules.Check(At(0, longitude), Defaults));

    [Theory]
    [InlineData(181)]
    [InlineData(-181)]
    [InlineData(180.000001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Longitude_beyond_180_degrees_or_not_finite_is_refused(double longitude) =>
        Refused.Invalid(ContentRules.Check(At(0, longitude), Defaults), "location.longitude", "range");

    [Fact]
    public void Location_name_of_1000_characters_is_accepted_and_1001_refused()
    {
        Assert.Null(ContentRules.Check(At(0, 0) with { Name = new string('n', 1000) }, Defaults));

        Refused.TooLong(ContentRules.Check(At(0, 0) with { Name = new string('n', 1001) }, Defaults), "location.name", 1000, 1001);
    }

    [Fact]
    public void Location_address_of_1000_characters_is_accepted_and_1001_refused()
    {
        Assert.Null(ContentRules.Check(At(0, 0) with { Address = new string('a', 1000) }, Defaults));

        Refused.TooLong(ContentRules.Check(At(0, 0) with { Address = new string('a', 1001) }, Defaults), "location.address", 1000, 1001);
    }

    [Fact]
    public void Location_text_limit_comes_from_content_limits()
    {
        var limits = new ContentLimits { MaxLocationTextLength = 4 };

        Assert.Null(ContentRules.Check(new LocationMessage(0, 0, "Home", "Here"), limits));
        Refused.TooLong(ContentRules.Check(At(0, 0) with { Name = "Homes" }, limits), "location.name", 4, 5);
        Refused.TooLong(ContentRules.Check(At(0, 0) with { Address = "There" }, limits), "location.address", 4, 5);
    }
}
