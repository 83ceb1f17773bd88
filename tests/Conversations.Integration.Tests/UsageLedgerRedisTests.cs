using System.Globalization;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Pricing;
using Conversations.Testing;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Conversations.Integration.Tests;

/// <summary>
/// The usage ledger in Redis: counters that Redis increments, so a charge is exact across silos and restarts, and what
/// a charge writes does not depend on how many came before it.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class UsageLedgerRedisTests(RedisFixture fixture, ITestOutputHelper output)
{
    private static readonly DateTimeOffset s_november = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_charge_and_a_report_retried_after_a_full_restart_are_counted_once_and_the_allowance_continues()
    {
        var clock = new FakeTimeProvider(s_november);
        var serviceId = RedisCluster.NewServiceId();
        var settings = new Dictionary<string, string?> { ["Conversations:Pricing:FreeServiceMessagesPerMonth"] = "2" };
        var (waba, number) = (TestNumbers.WabaId(), TestNumbers.BusinessNumberId());
        var key = UsageLedgerKey.Of(waba, s_november);
        var first = Service(number);
        ChargeEstimate[] before;
        await using (var cluster = await RedisCluster.Start(fixture.Redis.ConnectionString, clock, serviceId, settings, silos: 2))
        {
            var ledger = cluster.Client.GetGrain<IUsageLedgerGrain>(key);
            before = await Task.WhenAll(ledger.Charge(first), ledger.Charge(Service(number)));
            await ledger.RecordReported(Delivered(first, before[0]));
        }

        await using var restarted = await RedisCluster.Start(fixture.Redis.ConnectionString, clock, serviceId, settings);
        var reloaded = restarted.Client.GetGrain<IUsageLedgerGrain>(key);
        var retried = await reloaded.Charge(first);
        await reloaded.RecordReported(Delivered(first, retried));
        var third = await reloaded.Charge(Service(number));

        Assert.All(before, e => Assert.Equal(PricingTypes.FreeCustomerService, e.PricingType));
        Assert.Equal(before[0], retried);
        Assert.Equal((PricingTypes.Regular, 0.004m), (third.PricingType, third.Amount));
        var rows = (await reloaded.Usage(new UsageQuery(number, GroupByDay: false))).Rows;
        var free = Assert.Single(rows, r => r.PricingType == PricingTypes.FreeCustomerService);
        Assert.Equal((2L, 1L), (free.Messages, free.Delivered));
        Assert.Equal((1L, 0.004m), (Assert.Single(rows, r => r.PricingType == PricingTypes.Regular).Messages, rows.Sum(r => r.EstimatedAmount)));
        var redis = fixture.Connection.GetDatabase();
        Assert.Equal(RedisType.Hash, await redis.KeyTypeAsync($"{serviceId}/usage/{key}"));
        Assert.InRange((await redis.KeyTimeToLiveAsync($"{serviceId}/usage-charged/{waba}/{first.MessageId}"))!.Value, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
        Assert.False(await redis.KeyExistsAsync($"{serviceId}/state/usage-ledger/{key}/usage"));
    }

    [Fact]
    public async Task What_a_charge_writes_to_redis_stays_the_same_however_many_charges_came_before()
    {
        await using var redis = await RedisServer.Start(appendOnly: true);
        var serviceId = RedisCluster.NewServiceId();
        await using var cluster = await RedisCluster.Start(redis.ConnectionString, new FakeTimeProvider(s_november), serviceId);
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"{redis.ConnectionString},allowAdmin=true");
        var server = connection.GetServers().Single();
        var (waba, number) = (TestNumbers.WabaId(), TestNumbers.BusinessNumberId());
        var key = UsageLedgerKey.Of(waba, s_november);
        var ledger = cluster.Client.GetGrain<IUsageLedgerGrain>(key);
        await ChargeMarketing(ledger, number, 10);

        var early = await AppendOnlyBytesPerCharge(server, ledger, number);
        for (var i = 0; i < 20; i++)
        {
            await ChargeMarketing(ledger, number, 100);
        }

        var late = await AppendOnlyBytesPerCharge(server, ledger, number);

        var db = connection.GetDatabase();
        var marker = $"{serviceId}/usage-charged/{waba}/{(await ChargeMarketing(ledger, number, 1))[0].MessageId}";
        output.WriteLine($"append-only bytes per charge: {early} after 10 charges, {late} after 2,110; marker key {await db.ExecuteAsync("MEMORY", "USAGE", marker)} bytes");
        Assert.Equal(early, late);
        Assert.InRange(early, 1, 1024);
        Assert.Equal(1, await db.HashLengthAsync($"{serviceId}/usage/{key}"));
        Assert.Equal(1, await db.HashLengthAsync($"{serviceId}/usage-ordinals/{key}"));
        Assert.Equal(2_211, (await ledger.Usage(new UsageQuery(null, GroupByDay: false))).Rows.Sum(r => r.Messages));
    }

    /// <summary>The growth of the append-only file over 100 charges, each awaited: every write Redis made for them.</summary>
    private static async Task<long> AppendOnlyBytesPerCharge(IServer server, IUsageLedgerGrain ledger, string number)
    {
        var before = await AppendOnlySize(server);
        foreach (var _ in Enumerable.Range(0, 100))
        {
            await ChargeMarketing(ledger, number, 1);
        }

        var growth = await AppendOnlySize(server) - before;
        Assert.Equal(0, growth % 100);
        return growth / 100;
    }

    private static async Task<long> AppendOnlySize(IServer server)
    {
        var persistence = (await server.InfoAsync("persistence")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        return long.Parse(persistence["aof_current_size"], CultureInfo.InvariantCulture);
    }

    /// <summary>Marketing templates to Brazil: one totals row, each message with an id of the same length as every other.</summary>
    private static async Task<ChargeRequest[]> ChargeMarketing(IUsageLedgerGrain ledger, string number, int count)
    {
        var requests = Enumerable.Range(0, count)
            .Select(_ => new ChargeRequest(number, "5511987654321", NewMessageId(), MessageKind.Template, TemplateCategory.Marketing, false, false, s_november))
            .ToArray();
        await Task.WhenAll(requests.Select(r => ledger.Charge(r)));
        return requests;
    }

    private static ChargeRequest Service(string number) =>
        new(number, "16505550123", NewMessageId(), MessageKind.FreeForm, null, WindowOpen: true, EntryPointOpen: false, s_november);

    private static ReportedCharge Delivered(ChargeRequest request, ChargeEstimate estimate) =>
        new(request.BusinessNumberId, request.MessageId, estimate, new PricingReport(true, "PMP", estimate.PricingType, estimate.Category), request.At.AddSeconds(5));

    private static string NewMessageId() => "cnv." + Guid.NewGuid().ToString("N");
}
