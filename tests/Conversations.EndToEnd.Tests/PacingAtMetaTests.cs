using Conversations.Abstractions.Limits;
using Conversations.Testing;
using Grpc.Net.Client;
using Xunit.Abstractions;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests;

/// <summary>
/// Throughput measured where Meta measures it: the simulator's receive times. Runs in real time (a few seconds), because
/// what it checks is when requests arrive, not how fast anything is.
/// </summary>
[Collection(LoopbackCollection.Name)]
public sealed class PacingAtMetaTests(LoopbackApi api, ITestOutputHelper output)
{
    /// <summary>Issue 13, item 8: bursts granted a second's worth at a time reached the simulator 153-160 in one sliding second.</summary>
    [Fact]
    public async Task Two_hundred_concurrent_templates_over_8_connections_from_an_80_per_second_number_all_go_and_no_second_at_Meta_holds_more_than_80()
    {
        var scenario = new LoopbackScenario(api);
        var number = await scenario.RegisterNumber(throughputPerSecond: 80);
        var template = await scenario.ApprovedTemplate(number.WabaId);
        // Eight connections, as a caller spreading its load would open; each channel is one HTTP/2 connection.
        var channels = Enumerable.Range(0, 8).Select(_ => GrpcChannel.ForAddress(api.GrpcAddress)).ToList();
        var customers = new HashSet<string>();
        while (customers.Count < 200)
        {
            customers.Add(TestNumbers.Customer());
        }

        V1.SendResponse[] receipts;
        try
        {
            receipts = await Task.WhenAll(customers.Select((customer, i) => new V1.ConversationsService.ConversationsServiceClient(channels[i % channels.Count])
                .SendAsync(new V1.SendRequest
                {
                    BusinessNumberId = number.BusinessNumberId,
                    Customer = customer,
                    IdempotencyKey = "key-" + Guid.NewGuid().ToString("N"),
                    Template = new V1.TemplateContent { Name = template, Language = "en_US", Parameters = { $"A-{i}" } },
                }).ResponseAsync));
        }
        finally
        {
            channels.ForEach(c => c.Dispose());
        }

        var received = await api.Simulator.ReceivedFrom(number.BusinessNumberId);
        var arrivals = received.Arrivals;
        output.WriteLine($"{arrivals.Count} arrivals over {(arrivals[^1] - arrivals[0]).TotalMilliseconds:0} ms; busiest second {BusiestSecond.Of(arrivals)}; " +
            $"81 consecutive arrivals span at least {arrivals.Skip(80).Zip(arrivals, (late, early) => late - early).Min().TotalMilliseconds:0.0} ms");
        Assert.All(receipts, r => Assert.StartsWith("wamid.SIM", r.Receipt.Wamid, StringComparison.Ordinal));
        Assert.Equal((200L, 200), (received.Received, arrivals.Count));
        Assert.True(BusiestSecond.Of(arrivals) <= 80, $"Meta received {BusiestSecond.Of(arrivals)} messages within one second from a number allowed 80");
        Assert.Equal(BusiestSecond.Of(arrivals), received.BusiestSecond);
    }
}
