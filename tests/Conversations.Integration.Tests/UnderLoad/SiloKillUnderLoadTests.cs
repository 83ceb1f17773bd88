using System.Diagnostics;
using Xunit.Abstractions;

namespace Conversations.Integration.Tests.UnderLoad;

/// <summary>
/// A silo dies while clients open windows and send replies; clients retry what failed with the same identity. Nothing
/// acknowledged may be lost, nothing may reach Meta twice, and the dead silo's expiry reminders must fire on the survivors.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SiloKillUnderLoadTests(RedisFixture fixture, ITestOutputHelper output)
{
    private static string DoomedSilo => "Silo_1";

    [Fact]
    public async Task A_silo_killed_under_load_loses_no_acknowledged_send_sends_none_twice_and_its_windows_still_close()
    {
        await using var service = await DurableService.Start(fixture.Redis, silos: 3, configureClient: ImpatientClient.Configure);
        var conversations = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => service.NewConversation()));
        var traffic = Traffic.For(conversations, exchanges: 3, service.Clock.GetUtcNow());
        var load = new ClientLoad(traffic, concurrency: 48);

        var running = load.Run();
        await load.Reached(0.4);
        var (inFlight, sendsInFlight, killedAt) = (load.InFlight, load.SendsInFlight, load.Elapsed);
        await service.Cluster.KillSiloAsync(service.Cluster.Silos.Single(s => s.Name == DoomedSilo));
        await running;
        await load.RetryFailed(TimeSpan.FromSeconds(30));
        var settledAt = load.Elapsed;
        var audit = await SendAudit.Of(load, traffic, service.WhatsApp);
        var wrongWindows = await WindowAudit.WrongOpenWindows(traffic);
        var (notClosed, closing) = await WindowAudit.CloseAll(service, traffic);
        var reminderRows = await ReminderRowsLeft(service);

        output.WriteLine($"{DoomedSilo} killed at {killedAt.TotalMilliseconds:0} ms with {inFlight} calls in flight, {sendsInFlight} of them sends; every call settled by {settledAt.TotalMilliseconds:0} ms");
        LoadReport.Write(output, load, audit, wrongWindows.Concat(notClosed));
        output.WriteLine($"every window closed by reminders on the survivors within {closing.TotalMilliseconds:0} ms; {reminderRows} reminder rows left");
        Assert.True(load.Failures.Count > 0, "the kill interrupted no call; the test proves nothing this run");
        audit.AssertEverySendSettledOnceAndNothingLost();
        Assert.Empty(wrongWindows);
        Assert.Empty(notClosed);
        Assert.Equal(0, reminderRows);
    }

    /// <summary>
    /// Rows left in the Redis reminder table (one sorted set per ServiceId). Each grain unregisters after storing the close,
    /// so the table may lag the states by a moment.
    /// </summary>
    private async Task<long> ReminderRowsLeft(DurableService service)
    {
        var waited = Stopwatch.StartNew();
        long rows;
        while ((rows = await fixture.Connection.GetDatabase().SortedSetLengthAsync($"{service.ServiceId}/reminders")) > 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        return rows;
    }
}
