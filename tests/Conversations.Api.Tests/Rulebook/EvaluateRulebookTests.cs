using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Rulebook;

/// <summary>Evaluate answers what Send would decide now (kind, category, fallback, or the refusal) and leaves no trace.</summary>
[Collection(ApiCollection.Name)]
public sealed class EvaluateRulebookTests(ApiFactory api)
{
    private readonly RulebookSteps _steps = new(api);

    [Fact]
    public async Task Evaluate_of_an_approved_template_is_allowed_as_TEMPLATE_with_its_category()
    {
        // Arrange
        var (number, customer) = await _steps.ClosedConversation();

        // Act
        var evaluation = await api.Conversations.EvaluateAsync(RulebookSteps.Template(number, customer, "A-1042").AsEvaluate());

        // Assert
        Assert.True(evaluation.Allowed);
        Assert.Equal(V1.MessageKind.Template, evaluation.Kind);
        Assert.Equal(V1.TemplateCategory.Utility, evaluation.TemplateCategory);
        Assert.False(evaluation.UsedFallback);
        Assert.Null(evaluation.Refusal);
        await AssertNoTrace(number, customer);
    }

    [Fact]
    public async Task Evaluate_inside_the_window_is_allowed_as_FREE_FORM_without_the_fallback()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = RulebookSteps.Text(number, customer);
        request.FallbackTemplate = RulebookSteps.ShippingUpdateContent("A-1042");

        // Act
        var evaluation = await api.Conversations.EvaluateAsync(request.AsEvaluate());

        // Assert
        Assert.True(evaluation.Allowed);
        Assert.Equal(V1.MessageKind.FreeForm, evaluation.Kind);
        Assert.Equal(V1.TemplateCategory.Unspecified, evaluation.TemplateCategory);
        Assert.False(evaluation.UsedFallback);
        Assert.True(evaluation.Conversation.WindowOpen);
        await AssertNoTrace(number, customer);
    }

    [Fact]
    public async Task Evaluate_outside_the_window_with_a_fallback_reports_the_template_it_would_send()
    {
        // Arrange
        var (number, customer) = await _steps.ClosedConversation();
        var request = RulebookSteps.Text(number, customer);
        request.FallbackTemplate = RulebookSteps.ShippingUpdateContent("A-1042");

        // Act
        var evaluation = await api.Conversations.EvaluateAsync(request.AsEvaluate());

        // Assert
        Assert.True(evaluation.Allowed);
        Assert.Equal(V1.MessageKind.Template, evaluation.Kind);
        Assert.Equal(V1.TemplateCategory.Utility, evaluation.TemplateCategory);
        Assert.True(evaluation.UsedFallback);
        Assert.Null(evaluation.Refusal);
        await AssertNoTrace(number, customer);
    }

    [Fact]
    public async Task Evaluate_refusal_carries_reason_status_whatsapp_code_and_window_expiry_and_leaves_no_trace()
    {
        // Arrange
        var (number, customer) = await _steps.Conversation(TimeSpan.FromHours(25));
        var expiredAt = _steps.Now.AddHours(-1);

        // Act
        var evaluation = await api.Conversations.EvaluateAsync(RulebookSteps.Text(number, customer).AsEvaluate());

        // Assert
        Assert.False(evaluation.Allowed);
        Assert.Equal(V1.MessageKind.Unspecified, evaluation.Kind);
        Assert.Equal("WINDOW_CLOSED", evaluation.Refusal.Reason);
        Assert.Equal("FAILED_PRECONDITION", evaluation.Refusal.Status);
        Assert.Equal("131047", evaluation.Refusal.WhatsappCode);
        Assert.Equal("131047", evaluation.Refusal.Metadata["whatsapp_code"]);
        Assert.Equal(RulebookSteps.Rfc3339(expiredAt), evaluation.Refusal.Metadata["window_closed_at"]);
        Assert.False(string.IsNullOrEmpty(evaluation.Refusal.Message));
        Assert.False(evaluation.Conversation.WindowOpen);
        Assert.Equal(Timestamp.FromDateTimeOffset(expiredAt), evaluation.Conversation.WindowExpiresAt);
        Assert.Equal(Timestamp.FromDateTimeOffset(expiredAt), evaluation.Conversation.WindowClosedAt);
        await AssertNoTrace(number, customer);
    }

    [Fact]
    public async Task Evaluate_of_invalid_content_reports_INVALID_ARGUMENT_with_the_field_in_its_body()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = FreeFormSamples.Request(FreeFormSamples.Buttons, number, customer);
        request.Buttons = FreeFormSamples.ReplyButtons(4);

        // Act
        var evaluation = await api.Conversations.EvaluateAsync(request.AsEvaluate());

        // Assert
        Assert.False(evaluation.Allowed);
        Assert.Equal("TOO_MANY_ITEMS", evaluation.Refusal.Reason);
        Assert.Equal("INVALID_ARGUMENT", evaluation.Refusal.Status);
        Assert.Equal("", evaluation.Refusal.WhatsappCode);
        Assert.Equal("interactive.buttons", evaluation.Refusal.Metadata["field"]);
        Assert.Equal("3", evaluation.Refusal.Metadata["limit"]);
        await AssertNoTrace(number, customer);
    }

    [Fact]
    public async Task Evaluate_of_a_template_with_the_wrong_parameter_count_reports_132000()
    {
        // Arrange
        var (number, customer) = await _steps.ClosedConversation();

        // Act
        var evaluation = await api.Conversations.EvaluateAsync(RulebookSteps.Template(number, customer).AsEvaluate());

        // Assert
        Assert.False(evaluation.Allowed);
        Assert.Equal("TEMPLATE_PARAMETER_MISMATCH", evaluation.Refusal.Reason);
        Assert.Equal("INVALID_ARGUMENT", evaluation.Refusal.Status);
        Assert.Equal("132000", evaluation.Refusal.WhatsappCode);
        await AssertNoTrace(number, customer);
    }

    private async Task AssertNoTrace(V1.BusinessNumber number, string customer)
    {
        Assert.Empty(await _steps.Messages(number, customer));
        Assert.Empty(_steps.SentTo(number, customer));
    }
}
