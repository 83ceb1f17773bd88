using System.Diagnostics;
using Conversations.Testing;
using Xunit.Abstractions;

namespace Conversations.Integration.Tests.UnderLoad;

/// <summary>
/// redis-server (append-only, fsync always) restarts while clients open windows and send replies. Calls during the outage
/// may fail and are retried with the same identity; the running cluster must recover by itself, and what it acknowledged
/// must be in Redis: still there after every silo is replaced.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisRestartUnderLoadTests(ITestOutputHelper output)
{
    private static TimeSpan MaxRecovery => TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_redis_restart_under_load_loses_no_acknowledged_send_sends_none_twice_and_the_cluster_recovers_by_itself()
    {
        await using var redis = await RedisServer.Start(appendOnly: true);
        await using var service = await DurableService.Start(redis, silos: 2, configureClient: ImpatientClient.Configure);
        var conversations = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => service.NewConversation()));
        var probe = await service.NewConversation();
        var traffic = Traffic.For(conversations, exchanges: 3, service.Clock.GetUtcNow());
        var load = new ClientLoad(traffic, concurrency: 32);

        var running = load.Run();
        await load.Reached(0.4);
        var (inFlight, sendsInFlight, restartedAt) = (load.InFlight, load.SendsInFlight, load.Elapsed);
        await redis.Restart();
        var outage = load.Elapsed - restartedAt;
        var recovery = await UntilAWriteSucceeds(probe);
        await running;
        await load.RetryFailed(TimeSpan.FromSeconds(30));
        var settledAt = load.Elapsed;
        var live = await SendAudit.Of(load, traffic, service.WhatsApp);
        var wrongLiveWindows = await WindowAudit.WrongOpenWindows(traffic);

        await service.Restart();
        var stored = await SendAudit.Of(load, traffic, service.WhatsApp);
        var wrongStoredWindows = await WindowAudit.WrongOpenWindows(traffic);

        output.WriteLine($"redis-server killed at {restartedAt.TotalMilliseconds:0} ms with {inFlight} calls in flight, {sendsInFlight} of them sends; back after {outage.TotalMilliseconds:0} ms; " +
            $"the cluster wrote again {recovery.TotalMilliseconds:0} ms later; every call settled by {settledAt.TotalMilliseconds:0} ms");
        LoadReport.Write(output, load, live, wrongLiveWindows);
        output.WriteLine("after replacing every silo:");
        LoadReport.Write(output, load, stored, wrongStoredWindows);
        Assert.True(recovery < MaxRecovery, $"the cluster took {recovery} to write to Redis again");
        live.AssertEverySendSettledOnceAndNothingLost();
        stored.AssertEverySendSettledOnceAndNothingLost();

        Assert.Equal(live.OutcomeUnknown, stored.OutcomeUnknown);
        Assert.Empty(wrongLiveWindows);
        Assert.Empty(wrongStoredWindows);
    }

    /// <summary>How long after redis-server is back the cluster stores a customer message again, on a conversation outside the load.</summary>
    private static async Task<TimeSpan> UntilAWriteSucceeds(DurableConversation probe)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < MaxRecovery)
        {
            try
            {
                if ((await probe.Inbound($"wamid.probe.{Guid.NewGuid():N}")).Succeeded)
                {
                    break;
                }
            }
            catch (Exception)
            {
                // Still recovering: the client tries again, as any client would.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        return waited.Elapsed;
    }
}
