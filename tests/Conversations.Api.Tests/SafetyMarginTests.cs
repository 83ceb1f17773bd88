using System.Globalization;
using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Conversations.Api.Tests;

/// <summary>
/// With a free-form safety margin, free-form closes early, and every place that reports the close (the refusal, the
/// conversation before and after the expiry reminder) must name the same instant.
/// </summary>
public sealed class SafetyMarginTests(SafetyMarginApiFactory api) : IClassFixture<SafetyMarginApiFactory>
{
    private readonly Scenario _scenario = new(api);

    [Fact]
    public async Task Free_form_closes_one_margin_before_the_window_end()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var sentAt = _scenario.Now;
        await _scenario.RecordInbound(number.BusinessNumberId, customer, sentAt);

        // Act
        api.Clock.Advance(TimeSpan.FromHours(23));
        var info = await Refused.With(StatusCode.FailedPrecondition, "WINDOW_CLOSED",
            () => api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "hi")).ResponseAsync);
        var conversation = await _scenario.Get(number.BusinessNumberId, customer);

        // Assert
        Assert.Equal(sentAt.AddHours(23), DateTimeOffset.Parse(info.Metadata["window_closed_at"], CultureInfo.InvariantCulture));
        Assert.False(conversation.WindowOpen);
        Assert.Equal(Timestamp.FromDateTimeOffset(sentAt.AddHours(23)), conversation.WindowClosedAt);
    }

    [Fact]
    public async Task Window_closed_at_does_not_move_when_the_expiry_reminder_runs()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var sentAt = _scenario.Now;
        await _scenario.RecordInbound(number.BusinessNumberId, customer, sentAt);
        api.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(30));
        var beforeReminder = await _scenario.Get(number.BusinessNumberId, customer);

        // Act
        api.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.Until(() => ReminderRows.ConversationExpiryArmed(api.Services, $"{number.BusinessNumberId}/{customer}"), armed => !armed);
        var afterReminder = await _scenario.Get(number.BusinessNumberId, customer);

        // Assert
        Assert.Equal(Timestamp.FromDateTimeOffset(sentAt.AddHours(23)), beforeReminder.WindowClosedAt);
        Assert.Equal(beforeReminder.WindowClosedAt, afterReminder.WindowClosedAt);
    }
}
