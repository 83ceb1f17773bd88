using System.Collections.Immutable;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conversations.Abstractions.Messages;
using Conversations.Meta.Simulator;

namespace Conversations.Meta.Tests;

/// <summary>The simulator's record of when each send request arrived, per number: the throughput as Meta would count it.</summary>
public sealed class ArrivalLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_number_keeps_its_latest_arrivals_oldest_first_and_counts_them_all()
    {
        var log = new ArrivalLog(perNumber: 40);

        for (var i = 0; i < 100; i++)
        {
            log.Record("a", T0 + TimeSpan.FromMilliseconds(i));
            if (i % 10 == 0)
            {
                log.Record("b", T0 + TimeSpan.FromMilliseconds(i));
            }
        }

        var a = log.Of("a");
        Assert.Equal((100L, 40), (a.Received, a.Kept.Count));
        Assert.Equal(Enumerable.Range(60, 40).Select(i => T0 + TimeSpan.FromMilliseconds(i)), a.Kept);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => T0 + TimeSpan.FromMilliseconds(10 * i)), log.Of("b").Kept);
        Assert.Equal((0L, 0), (log.Of("c").Received, log.Of("c").Kept.Count));
    }

    [Fact]
    public void The_busiest_second_counts_arrivals_a_second_apart_as_one_second()
    {
        var log = new ArrivalLog(perNumber: 100);
        foreach (var ms in new[] { 0, 400, 1_000, 1_001, 1_500 })
        {
            log.Record("a", T0 + TimeSpan.FromMilliseconds(ms));
        }

        Assert.Equal(3, log.Of("a").BusiestSecond);
    }

    [Fact]
    public async Task GET_simulator_received_lists_a_numbers_arrival_times_and_its_busiest_second()
    {
        await using var loop = await MetaLoop.Start();
        using var http = new HttpClient { BaseAddress = loop.Simulator.BaseAddress };
        var before = DateTimeOffset.UtcNow;

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await loop.Send(new TemplateMessage("order_update", "en_US", ["1"], ImmutableSortedDictionary<string, string>.Empty))).Accepted);
        }

        var after = DateTimeOffset.UtcNow;
        var one = await http.GetFromJsonAsync<JsonObject>($"/simulator/received?phone_number_id={MetaLoop.BusinessNumber}");
        var all = await http.GetFromJsonAsync<JsonObject>("/simulator/received");

        var arrivals = one!["received_at_unix_us"]!.AsArray().Select(t => DateTimeOffset.UnixEpoch + TimeSpan.FromMicroseconds((long)t!)).ToList();
        // The three sends fall within one second on a quiet machine but not always on a loaded one: the busiest second
        // is the most arrivals at most one second after any arrival.
        var busiest = arrivals.Max(t => arrivals.Count(u => u >= t && u - t <= TimeSpan.FromSeconds(1)));
        Assert.Equal((MetaLoop.BusinessNumber, 3L, 3, busiest), ((string?)one["phone_number_id"], (long)one["received"]!, (int)one["kept"]!, (int)one["busiest_second"]!));
        Assert.Equal(arrivals.Order(), arrivals);
        Assert.All(arrivals, t => Assert.InRange(t, before.AddMilliseconds(-1), after.AddMilliseconds(1)));
        Assert.Equal(3, loop.Simulator.ArrivalsOf(MetaLoop.BusinessNumber).Received);
        var summary = Assert.Single(all!["data"]!.AsArray());
        Assert.Equal((MetaLoop.BusinessNumber, 3L), ((string?)summary!["phone_number_id"], (long)summary["received"]!));
        Assert.Null(summary["received_at_unix_us"]);
    }
}
