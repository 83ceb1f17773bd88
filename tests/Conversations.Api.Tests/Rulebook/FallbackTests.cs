using Conversations.Abstractions.Messages;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Rulebook;

/// <summary>fallback_template: inside the window the free-form content goes, outside it the template does, and the receipt says which.</summary>
[Collection(ApiCollection.Name)]
public sealed class FallbackTests(ApiFactory api)
{
    private readonly RulebookSteps _steps = new(api);

    private static V1.SendRequest WithFallback(V1.BusinessNumber number, string customer, params string[] parameters)
    {
        var request = RulebookSteps.Text(number, customer, "Your parcel A-1042 is on its way, reply to change the slot");
        request.FallbackTemplate = RulebookSteps.ShippingUpdateContent(parameters);
        return request;
    }

    [Fact]
    public async Task Inside_the_window_the_free_form_content_goes_and_the_fallback_does_not()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();

        // Act
        var receipt = (await api.Conversations.SendAsync(WithFallback(number, customer, "A-1042"))).Receipt;

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, receipt.Status);
        Assert.False(receipt.UsedFallback);
        Assert.Equal(V1.MessageKind.FreeForm, receipt.Kind);
        Assert.Equal(V1.TemplateCategory.Unspecified, receipt.TemplateCategory);
        Assert.IsType<TextMessage>(Assert.Single(_steps.SentTo(number, customer)).Content);
        var record = Assert.Single(await _steps.Messages(number, customer));
        Assert.False(record.UsedFallback);
        Assert.Equal("", record.TemplateName);
    }

    [Fact]
    public async Task Outside_the_window_the_fallback_template_goes_with_its_category()
    {
        // Arrange
        var (number, customer) = await _steps.ClosedConversation();

        // Act
        var receipt = (await api.Conversations.SendAsync(WithFallback(number, customer, "A-1042"))).Receipt;

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, receipt.Status);
        Assert.True(receipt.UsedFallback);
        Assert.Equal(V1.MessageKind.Template, receipt.Kind);
        Assert.Equal(V1.TemplateCategory.Utility, receipt.TemplateCategory);
        Assert.False(string.IsNullOrEmpty(receipt.Wamid));
        var sent = Assert.IsType<TemplateMessage>(Assert.Single(_steps.SentTo(number, customer)).Content);
        Assert.Equal(RulebookSteps.ShippingUpdate, sent.Name);
        Assert.Equal(["A-1042"], sent.Parameters.AsEnumerable());
        var record = Assert.Single(await _steps.Messages(number, customer));
        Assert.True(record.UsedFallback);
        Assert.Equal(V1.MessageKind.Template, record.Kind);
        Assert.Equal("text", record.RequestedType);
        Assert.Equal(RulebookSteps.ShippingUpdate, record.TemplateName);
        Assert.Equal(V1.TemplateCategory.Utility, record.TemplateCategory);
    }

    [Fact]
    public async Task Fallback_with_the_wrong_parameter_count_is_refused_with_132000_marked_as_the_fallback()
    {
        // Arrange
        var (number, customer) = await _steps.ClosedConversation();

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "TEMPLATE_PARAMETER_MISMATCH",
            () => api.Conversations.SendAsync(WithFallback(number, customer, "A-1042", "tomorrow")).ResponseAsync);

        // Assert
        Assert.Equal("true", info.Metadata["fallback"]);
        Assert.Equal("132000", info.Metadata["whatsapp_code"]);
        Assert.Equal(RulebookSteps.ShippingUpdate, info.Metadata["template"]);
        Assert.Equal("1", info.Metadata["expected"]);
        Assert.Equal("2", info.Metadata["received"]);
        Assert.Empty(_steps.SentTo(number, customer));
        Assert.Empty(await _steps.Messages(number, customer));
    }

    [Fact]
    public async Task Fallback_of_an_unknown_template_is_refused_with_132001_marked_as_the_fallback()
    {
        // Arrange
        var (number, customer) = await _steps.ClosedConversation();
        var request = WithFallback(number, customer, "A-1042");
        request.FallbackTemplate.Name = "no_such_template";

        // Act
        var info = await Refused.With(StatusCode.NotFound, "TEMPLATE_NOT_FOUND",
            () => api.Conversations.SendAsync(request).ResponseAsync);

        // Assert
        Assert.Equal("true", info.Metadata["fallback"]);
        Assert.Equal("132001", info.Metadata["whatsapp_code"]);
    }

    [Fact]
    public async Task Fallback_on_a_template_send_is_refused_naming_the_field_and_nothing_is_sent()
    {
        // Arrange: a fallback only means something for free-form content; with a template it is a caller's mistake.
        var (number, customer) = await _steps.ClosedConversation();
        var request = RulebookSteps.Template(number, customer, "A-1042");
        request.FallbackTemplate = RulebookSteps.ShippingUpdateContent("B-7");

        // Act
        var error = await Refused.With(StatusCode.InvalidArgument, "INVALID_FIELD", async () => await api.Conversations.SendAsync(request));

        // Assert
        Assert.Equal("fallback_template", error.Metadata["field"]);
        Assert.Empty(_steps.SentTo(number, customer));
    }
}
