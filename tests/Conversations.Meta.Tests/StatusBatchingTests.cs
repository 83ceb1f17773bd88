using System.Collections.Immutable;
using Conversations.Abstractions.Messages;
using Conversations.Testing;
using Conversations.Meta.Simulator;

namespace Conversations.Meta.Tests;

/// <summary>Meta may put several statuses in one webhook; the simulator does, so the api is measured against batches.</summary>
public sealed class StatusBatchingTests
{
    private static readonly TemplateMessage OrderUpdate = new("order_update", "en_US", ["12345"], ImmutableSortedDictionary<string, string>.Empty);

    [Fact]
    public async Task Statuses_falling_due_together_share_webhooks_and_each_customers_stay_in_order()
    {
        await using var loop = await MetaLoop.Start(simulator: o =>
        {
            o.StatusBatchDelay = TimeSpan.FromMilliseconds(200);
            o.StatusPostsInFlight = 2;
        });
        var customers = Enumerable.Range(0, 12).Select(i => $"1650555{i:D4}").ToList();

        var wamids = await Task.WhenAll(customers.Select(async c => (await loop.Send(OrderUpdate, to: c)).Wamid!));

        await Eventually.True(() => wamids.All(w => loop.Receiver.StatusesOf(w).Count == 3), "three statuses per message");
        Assert.All(wamids, w => Assert.Equal(["sent", "delivered", "read"], loop.Receiver.StatusesOf(w).Select(s => (string?)s["status"])));
        Assert.True(loop.Receiver.Posts < wamids.Length * 3, $"{wamids.Length * 3} statuses came in {loop.Receiver.Posts} posts");
        Assert.Contains(loop.Receiver.Accepted, body => body["entry"]![0]!["changes"]![0]!["value"]!["statuses"]?.AsArray().Count > 1);
        Assert.Equal(0, loop.Receiver.BadSignatures);
    }

    [Fact]
    public async Task A_batch_size_of_one_posts_every_status_on_its_own()
    {
        await using var loop = await MetaLoop.Start(simulator: o => o.StatusBatchSize = 1);

        var wamid = (await loop.Send(OrderUpdate)).Wamid!;

        await Eventually.True(() => loop.Receiver.StatusesOf(wamid).Count == 3, "three statuses");
        Assert.Equal(3, loop.Receiver.Posts);
    }

    [Fact]
    public void A_batch_is_one_entry_per_waba_and_one_change_per_number_with_statuses_in_the_order_given()
    {
        QueuedStatus Status(string waba, string number, string wamid) =>
            new(waba, number, "16505551234", WebhookPayloads.StatusEntry(wamid, "16505551234", "sent", DateTimeOffset.UnixEpoch, null));

        var payload = WebhookPayloads.Statuses(
        [
            Status("waba-1", "111", "wamid.a"),
            Status("waba-2", "222", "wamid.b"),
            Status("waba-1", "112", "wamid.c"),
            Status("waba-1", "111", "wamid.d"),
        ]);

        Assert.Equal("whatsapp_business_account", (string?)payload["object"]);
        var entries = payload["entry"]!.AsArray();
        Assert.Equal(["waba-1", "waba-2"], entries.Select(e => (string?)e!["id"]));
        var changes = entries[0]!["changes"]!.AsArray();
        Assert.Equal(["111", "112"], changes.Select(c => (string?)c!["value"]!["metadata"]!["phone_number_id"]));
        Assert.All(changes, c => Assert.Equal("messages", (string?)c!["field"]));
        Assert.Equal(["wamid.a", "wamid.d"], changes[0]!["value"]!["statuses"]!.AsArray().Select(s => (string?)s!["id"]));
        Assert.Equal(["wamid.b"], entries[1]!["changes"]![0]!["value"]!["statuses"]!.AsArray().Select(s => (string?)s!["id"]));
    }
}
