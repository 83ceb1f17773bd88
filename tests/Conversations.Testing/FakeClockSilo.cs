using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.TestingHost;

namespace Conversations.Testing;

public static class FakeClockSilo
{
    /// <summary>
    /// Grains and reminders run on <paramref name="clock"/>, so a test moves 24 hours in a millisecond; the silo's own
    /// maintenance loops stay on real time so advancing the clock does not run them inline.
    /// </summary>
    public static ISiloBuilder UseFakeClock(this ISiloBuilder silo, FakeTimeProvider clock)
    {
        silo.Services.UseFakeClock(clock);
        return silo;
    }

    /// <summary>The same, for a host whose silo is wired by production code (the api under WebApplicationFactory).</summary>
    public static IServiceCollection UseFakeClock(this IServiceCollection services, FakeTimeProvider clock)
    {
        services.AddSingleton<TimeProvider>(clock);
        services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock);
        services.PostConfigure<ReminderOptions>(o =>
        {
            o.RefreshReminderListPeriod = TimeSpan.FromSeconds(1);
            // Loads every reminder at registration (windows end within a day, scheduled sends within 30 days),
            // so one Advance past its due time fires it instead of skipping to the next period.
            o.ReminderLoadingWindow = TimeSpan.FromDays(32);
        });
        return services;
    }
}
