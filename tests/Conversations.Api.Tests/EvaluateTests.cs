using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>Evaluate is Send's dry run: the same decision, carried in the body, and no side effect.</summary>
[Collection(ApiCollection.Name)]
public sealed class EvaluateTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    [Fact]
    public async Task Evaluate_reports_the_refusal_Send_would_raise_and_sends_nothing()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        await _scenario.RecordInbound(number.BusinessNumberId, customer, _scenario.Now.AddHours(-25));
        var request = Scenario.Text(number.BusinessNumberId, customer, "too late");
        var before = await _scenario.Get(number.BusinessNumberId, customer);

        // Act
        var evaluation = await api.Conversations.EvaluateAsync(request.AsEvaluate());
        var sendError = await Refused.With(StatusCode.FailedPrecondition, "WINDOW_CLOSED", () => api.Conversations.SendAsync(request).ResponseAsync);

        // Assert
        Assert.False(evaluation.Allowed);
        Assert.Equal(sendError.Reason, evaluation.Refusal.Reason);
        Assert.Equal("FAILED_PRECONDITION", evaluation.Refusal.Status);
        Assert.Equal("131047", evaluation.Refusal.WhatsappCode);
        Assert.Equal(sendError.Metadata, evaluation.Refusal.Metadata);
        Assert.Equal(before, evaluation.Conversation);
        Assert.Equal(before, await _scenario.Get(number.BusinessNumberId, customer));
    }

    [Fact]
    public async Task Evaluate_allows_free_form_inside_the_window_without_using_the_key()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        var request = Scenario.Text(number.BusinessNumberId, customer, "hello");

        // Act
        var evaluation = await api.Conversations.EvaluateAsync(request.AsEvaluate());
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Assert
        Assert.True(evaluation.Allowed);
        Assert.Equal(V1.MessageKind.FreeForm, evaluation.Kind);
        Assert.Null(evaluation.Refusal);
        Assert.False(receipt.Replayed);
    }
}
