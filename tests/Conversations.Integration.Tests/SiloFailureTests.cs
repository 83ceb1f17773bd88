using System.Diagnostics;
using Conversations.Grains;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Conversations.Integration.Tests;

/// <summary>A silo that dies takes its reminder timers with it; the reminders themselves live in Redis and must move.</summary>
[Collection(RedisCollection.Name)]
public sealed class SiloFailureTests(RedisFixture fixture, ITestOutputHelper output)
{
    private static string DoomedSilo => "Silo_1";

    private static TimeSpan ReminderPeriod => new ConversationOptions().ExpiryReminderPeriod;

    [Fact]
    public async Task A_reminder_tick_lost_with_a_killed_silo_still_closes_the_window()
    {
        await using var service = await DurableService.Start(fixture.Redis, silos: 2, configureSilo: StopReminderTicksOfTheDoomedSilo);
        var conversations = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => service.NewConversation()));
        var opened = await Task.WhenAll(conversations.Select(c => c.InboundNow()));
        var expiry = opened[0].WindowExpiresAt!.Value;
        Assert.All(opened, s => Assert.Equal(expiry, s.WindowExpiresAt));

        // Every window expires: the survivor closes its share, the doomed silo's ticks never come.
        service.Clock.Advance(new ConversationOptions().WindowDuration + TimeSpan.FromSeconds(1));
        await Eventually.Until(() => ArmedCount(conversations), armed => armed < conversations.Length, TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var lost = await ArmedCount(conversations);
        Assert.True(lost > 0, "the doomed silo owned none of the 20 reminders; the test proves nothing this run");

        await service.Cluster.KillSiloAsync(service.Cluster.Silos.Single(s => s.Name == DoomedSilo));
        await service.Cluster.WaitForLivenessToStabilizeAsync(didKill: true);

        // The survivor loads the overdue reminders and fires each at its next period: minutes late, never a day late.
        var latest = expiry + 10 * ReminderPeriod;
        var waited = Stopwatch.StartNew();
        while (await ArmedCount(conversations) > 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (service.Clock.GetUtcNow() + ReminderPeriod <= latest)
            {
                service.Clock.Advance(ReminderPeriod);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        output.WriteLine($"{lost} of {conversations.Length} ticks lost with {DoomedSilo}; all closed by expiry + {service.Clock.GetUtcNow() - expiry} fake time, {waited.ElapsedMilliseconds} ms after the kill was detected");
        var states = await Task.WhenAll(conversations.Select(async c => (State: await c.Get(), Armed: await c.ExpiryReminderArmed())));
        Assert.All(states, s =>
        {
            var (state, armed) = s;
            Assert.False(armed, $"{state.BusinessNumberId}/{state.Customer} still has its expiry reminder armed at {service.Clock.GetUtcNow():O}");
            Assert.False(state.WindowOpen);
            Assert.Equal(expiry, state.WindowClosedAt);
        });
    }

    /// <summary>
    /// The doomed silo's reminder timers run on a clock that never moves, so the ticks it owns are deterministically lost,
    /// as if it had hung; grains everywhere still read the shared clock.
    /// </summary>
    private static void StopReminderTicksOfTheDoomedSilo(InProcessTestSiloSpecificOptions silo, ISiloBuilder builder)
    {
        if (silo.SiloName == DoomedSilo)
        {
            builder.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)));
        }
    }

    private static async Task<int> ArmedCount(IEnumerable<DurableConversation> conversations) =>
        (await Task.WhenAll(conversations.Select(c => c.ExpiryReminderArmed()))).Count(armed => armed);
}
