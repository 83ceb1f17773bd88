using System.Globalization;
using Conversations.Abstractions.Grains;
using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Api.Tests;

/// <summary>
/// What GetConversation reports once the expiry reminder has recorded the close: it must tell the same story as a
/// refused send's window_closed_at, before and after the reminder ran.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WindowExpiryTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    private IConversationGrain Grain(string businessNumberId, string customer) =>
        api.Services.GetRequiredService<IGrainFactory>().GetGrain<IConversationGrain>($"{businessNumberId}/{customer}");

    /// <summary>
    /// Waits for the expiry tick to record the close. A tick that a loaded silo misses comes again one reminder period
    /// later, as it would in production where time goes on; so while the reminder is still armed the clock moves on by a period.
    /// </summary>
    private async Task ExpiryRecorded(string businessNumberId, string customer) =>
        await Eventually.Until(
            async () =>
            {
                var armed = await ReminderRows.ConversationExpiryArmed(api.Services, $"{businessNumberId}/{customer}");
                if (armed)
                {
                    api.Clock.Advance(TimeSpan.FromMinutes(1));
                }

                return armed;
            },
            armed => !armed);

    [Fact]
    public async Task Expiry_reminder_records_the_close_at_the_window_end()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var sentAt = _scenario.Now;
        var opened = await _scenario.RecordInbound(number.BusinessNumberId, customer, sentAt);

        // Act
        api.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await ExpiryRecorded(number.BusinessNumberId, customer);
        var closed = await _scenario.Get(number.BusinessNumberId, customer);

        // Assert
        Assert.True(opened.WindowOpen);
        Assert.False(closed.WindowOpen);
        Assert.Equal(Timestamp.FromDateTimeOffset(sentAt.AddHours(24)), closed.WindowClosedAt);
    }

    [Fact]
    public async Task Late_inbound_that_moves_a_closed_window_end_moves_window_closed_at()
    {
        // Arrange: the window of T0 closes and the reminder records it at T0+24h.
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var t0 = _scenario.Now;
        await _scenario.RecordInbound(number.BusinessNumberId, customer, t0);
        api.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await ExpiryRecorded(number.BusinessNumberId, customer);
        api.Clock.Advance(TimeSpan.FromHours(2));

        // Act: a webhook delayed by a day delivers a message the customer sent at T0+1h.
        var conversation = await _scenario.RecordInbound(number.BusinessNumberId, customer, t0.AddHours(1));
        var info = await Refused.With(StatusCode.FailedPrecondition, "WINDOW_CLOSED",
            () => api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "hi")).ResponseAsync);

        // Assert
        Assert.False(conversation.WindowOpen);
        Assert.Equal(Timestamp.FromDateTimeOffset(t0.AddHours(25)), conversation.WindowExpiresAt);
        Assert.Equal(t0.AddHours(25), DateTimeOffset.Parse(info.Metadata["window_closed_at"], CultureInfo.InvariantCulture));
        Assert.Equal(Timestamp.FromDateTimeOffset(t0.AddHours(25)), conversation.WindowClosedAt);
    }
}
