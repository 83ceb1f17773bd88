using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Rulebook;

/// <summary>ListMessages: the conversation's recent messages, newest first, with their decision and status.</summary>
[Collection(ApiCollection.Name)]
public sealed class MessageLogTests(ApiFactory api)
{
    private readonly RulebookSteps _steps = new(api);

    [Fact]
    public async Task ListMessages_returns_the_newest_first_with_kind_status_and_wamid()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var text = RulebookSteps.Text(number, customer);
        var template = RulebookSteps.Template(number, customer, "A-1042");
        var location = FreeFormSamples.Request(FreeFormSamples.Location, number, customer);
        foreach (var request in new[] { text, template, location })
        {
            await api.Conversations.SendAsync(request);
        }

        // Act
        var log = await _steps.Messages(number, customer);

        // Assert
        Assert.Equal([location.IdempotencyKey, template.IdempotencyKey, text.IdempotencyKey], log.Select(m => m.IdempotencyKey));
        Assert.Equal(["location", "template", "text"], log.Select(m => m.RequestedType));
        Assert.Equal([V1.MessageKind.FreeForm, V1.MessageKind.Template, V1.MessageKind.FreeForm], log.Select(m => m.Kind));
        Assert.All(log, m => Assert.Equal(V1.MessageStatus.Accepted, m.Status));
        Assert.All(log, m => Assert.StartsWith("wamid.test.", m.Wamid, StringComparison.Ordinal));
        Assert.Equal(RulebookSteps.ShippingUpdate, log[1].TemplateName);
        Assert.Equal(V1.TemplateCategory.Utility, log[1].TemplateCategory);
    }

    [Fact]
    public async Task ListMessages_limit_returns_only_that_many_of_the_newest()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var keys = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var request = RulebookSteps.Text(number, customer, $"message {i}");
            await api.Conversations.SendAsync(request);
            keys.Add(request.IdempotencyKey);
        }

        // Act
        var two = await _steps.Messages(number, customer, limit: 2);
        var all = await _steps.Messages(number, customer, limit: 0);
        var more = await _steps.Messages(number, customer, limit: 10);

        // Assert
        Assert.Equal([keys[3], keys[2]], two.Select(m => m.IdempotencyKey));
        Assert.Equal(4, all.Count);
        Assert.Equal(all, more);
    }

    [Fact]
    public async Task ListMessages_limit_minus_1_is_INVALID_ARGUMENT()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_FIELD",
            () => _steps.Messages(number, customer, limit: -1));

        // Assert
        Assert.Equal("limit", info.Metadata["field"]);
    }

    [Fact]
    public async Task Refused_send_leaves_no_message_in_the_log()
    {
        // Arrange
        var (number, customer) = await _steps.ClosedConversation();
        await Refused.With(StatusCode.FailedPrecondition, "WINDOW_CLOSED",
            () => api.Conversations.SendAsync(RulebookSteps.Text(number, customer)).ResponseAsync);

        // Act
        var log = await _steps.Messages(number, customer);

        // Assert
        Assert.Empty(log);
    }
}
