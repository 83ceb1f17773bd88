using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Rulebook;

/// <summary>
/// Meta's pause escalation for low-quality templates: paused 3 h, then 6 h, then disabled; a pause that ended is over.
/// These tests move the shared clock, so every instant is computed from its current value.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TemplatePauseTests(ApiFactory api)
{
    private readonly RulebookSteps _steps = new(api);

    private async Task<V1.Template> Pause(V1.BusinessNumber number) =>
        (await api.Templates.SetTemplateStatusAsync(new V1.SetTemplateStatusRequest
        {
            WabaId = number.WabaId,
            Name = RulebookSteps.ShippingUpdate,
            Language = RulebookSteps.Language,
            Status = V1.TemplateStatus.Paused,
        })).Template;

    private async Task<V1.SendReceipt> SendTemplate(V1.BusinessNumber number) =>
        (await api.Conversations.SendAsync(RulebookSteps.Template(number, TestNumbers.Customer(), "A-1042"))).Receipt;

    [Fact]
    public async Task Paused_template_is_refused_with_132015_and_paused_until_three_hours_later()
    {
        // Arrange
        var number = await _steps.NumberWithTemplate();
        var until = _steps.Now.AddHours(3);

        // Act
        var paused = await Pause(number);
        var info = await Refused.With(StatusCode.FailedPrecondition, "TEMPLATE_PAUSED", () => SendTemplate(number));

        // Assert
        Assert.Equal(V1.TemplateStatus.Paused, paused.Status);
        Assert.Equal(1, paused.PauseCount);
        Assert.Equal(Timestamp.FromDateTimeOffset(until), paused.PausedUntil);
        Assert.Equal("132015", info.Metadata["whatsapp_code"]);
        Assert.Equal(RulebookSteps.Rfc3339(until), info.Metadata["paused_until"]);
    }

    [Fact]
    public async Task Paused_template_is_sendable_again_three_hours_later()
    {
        // Arrange
        var number = await _steps.NumberWithTemplate();
        await Pause(number);

        // Act
        api.Clock.Advance(TimeSpan.FromHours(3));
        var receipt = await SendTemplate(number);
        var read = (await api.Templates.GetTemplateAsync(new V1.GetTemplateRequest
        {
            WabaId = number.WabaId,
            Name = RulebookSteps.ShippingUpdate,
            Language = RulebookSteps.Language,
        })).Template;

        // Assert
        Assert.Equal(V1.MessageKind.Template, receipt.Kind);
        Assert.Equal(V1.TemplateStatus.Approved, read.Status);
        Assert.Null(read.PausedUntil);
        Assert.Equal(1, read.PauseCount);
    }

    [Fact]
    public async Task PAUSED_redelivered_during_the_pause_is_the_same_pause()
    {
        // Arrange
        var number = await _steps.NumberWithTemplate();
        var first = await Pause(number);

        // Act
        api.Clock.Advance(TimeSpan.FromHours(1));
        var again = await Pause(number);

        // Assert
        Assert.Equal(1, again.PauseCount);
        Assert.Equal(first.PausedUntil, again.PausedUntil);
    }

    [Fact]
    public async Task Second_pause_lasts_six_hours_and_the_third_disables_the_template_with_132016()
    {
        // Arrange: the first pause runs out.
        var number = await _steps.NumberWithTemplate();
        await Pause(number);
        api.Clock.Advance(TimeSpan.FromHours(3));

        // Act: the second pause, then the third once the second has run out.
        var secondUntil = _steps.Now.AddHours(6);
        var second = await Pause(number);
        var pausedInfo = await Refused.With(StatusCode.FailedPrecondition, "TEMPLATE_PAUSED", () => SendTemplate(number));
        api.Clock.Advance(TimeSpan.FromHours(6));
        var third = await Pause(number);
        var disabledInfo = await Refused.With(StatusCode.FailedPrecondition, "TEMPLATE_DISABLED", () => SendTemplate(number));

        // Assert
        Assert.Equal(2, second.PauseCount);
        Assert.Equal(Timestamp.FromDateTimeOffset(secondUntil), second.PausedUntil);
        Assert.Equal(RulebookSteps.Rfc3339(secondUntil), pausedInfo.Metadata["paused_until"]);
        Assert.Equal(V1.TemplateStatus.Disabled, third.Status);
        Assert.Equal(3, third.PauseCount);
        Assert.Null(third.PausedUntil);
        Assert.Equal("132016", disabledInfo.Metadata["whatsapp_code"]);
    }
}
