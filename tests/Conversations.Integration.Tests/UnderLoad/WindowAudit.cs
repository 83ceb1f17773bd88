using System.Diagnostics;
using Conversations.Grains;

namespace Conversations.Integration.Tests.UnderLoad;

/// <summary>Checks every conversation's window against the traffic it got, and drives the fake clock until they all close.</summary>
public static class WindowAudit
{
    private static TimeSpan ReminderPeriod => new ConversationOptions().ExpiryReminderPeriod;

    /// <summary>Open windows that do not end 24 h after their latest customer message, or have no expiry reminder armed.</summary>
    public static async Task<IReadOnlyList<string>> WrongOpenWindows(Traffic traffic)
    {
        var states = await Task.WhenAll(traffic.Conversations.Select(async c => (Conversation: c, State: await c.Get(), Armed: await c.ExpiryReminderArmed(), Expected: traffic.ExpectedWindowEnd(c))));
        return [.. states
            .Where(s => !s.State.WindowOpen || s.State.WindowExpiresAt != s.Expected || !s.Armed)
            .Select(s => $"{s.Conversation}: open {s.State.WindowOpen}, ends {s.State.WindowExpiresAt:O} (expected {s.Expected:O}), reminder armed {s.Armed}")];
    }

    /// <summary>
    /// Moves the clock past the last window end, then on in reminder periods (a reminder that changed silos fires at its
    /// next period, never a day late) until every reminder has closed its window; bounded in fake and real time.
    /// Returns the conversations whose window did not close as it should, and how long that took in real time.
    /// </summary>
    public static async Task<(IReadOnlyList<string> NotClosed, TimeSpan Took)> CloseAll(DurableService service, Traffic traffic)
    {
        var took = Stopwatch.StartNew();
        var lastEnd = traffic.LatestWindowEnd;
        service.Clock.Advance(lastEnd + TimeSpan.FromSeconds(1) - service.Clock.GetUtcNow());
        var latest = lastEnd + 10 * ReminderPeriod;
        IReadOnlyList<string> notClosed;
        while ((notClosed = await NotClosed(traffic)).Count > 0 && took.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (service.Clock.GetUtcNow() + ReminderPeriod <= latest)
            {
                service.Clock.Advance(ReminderPeriod);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return (notClosed, took.Elapsed);
    }

    private static async Task<IReadOnlyList<string>> NotClosed(Traffic traffic)
    {
        var states = await Task.WhenAll(traffic.Conversations.Select(async c => (Conversation: c, State: await c.Get(), Armed: await c.ExpiryReminderArmed())));
        return [.. states
            .Where(s => s.State.WindowOpen || s.Armed || s.State.WindowClosedAt != traffic.ExpectedWindowEnd(s.Conversation))
            .Select(s => $"{s.Conversation}: open {s.State.WindowOpen}, reminder armed {s.Armed}, closed at {s.State.WindowClosedAt:O} (expected {traffic.ExpectedWindowEnd(s.Conversation):O})")];
    }
}
