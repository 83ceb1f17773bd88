using Conversations.Abstractions.Refusals;
using Conversations.Grains;
using Conversations.Testing;
using static Conversations.Integration.Tests.Outcome;

namespace Conversations.Integration.Tests;

/// <summary>A full restart (every silo gone, a new cluster on the same Redis) must not change what a conversation knows.</summary>
[Collection(RedisCollection.Name)]
public sealed class RestartTests(RedisFixture fixture)
{
    [Fact]
    public async Task Window_state_survives_a_silo_restart()
    {
        await using var service = await DurableService.Start(fixture.Redis);
        var conversation = await service.NewConversation();
        var opened = await conversation.InboundNow();
        var first = Ok(await conversation.SendText("order-42-shipped", "Your order 42 has shipped."));

        await service.Restart();

        var reloaded = await conversation.Get();
        Assert.True(reloaded.WindowOpen);
        Assert.True(await conversation.ExpiryReminderArmed());
        Assert.Equal(opened.WindowExpiresAt, reloaded.WindowExpiresAt);
        Assert.Equal(opened.LastInboundAt, reloaded.LastInboundAt);
        var replay = Ok(await conversation.SendText("order-42-shipped", "Your order 42 has shipped."));
        Assert.True(replay.Replayed);
        Assert.Equal(first.MessageId, replay.MessageId);
        Assert.Equal(first.AcceptedAt, replay.AcceptedAt);
    }

    [Fact]
    public async Task The_pending_expiry_reminder_survives_a_restart_and_fires_afterwards()
    {
        await using var service = await DurableService.Start(fixture.Redis);
        var conversation = await service.NewConversation();
        var opened = await conversation.InboundNow();
        Assert.True(await conversation.ExpiryReminderArmed());

        await service.Restart();
        service.Clock.Advance(new ConversationOptions().WindowDuration + TimeSpan.FromSeconds(1));

        await Eventually.Until(conversation.ExpiryReminderArmed, armed => !armed, TimeSpan.FromSeconds(10));
        var closed = await conversation.Get();
        Assert.False(closed.WindowOpen);
        Assert.Equal(opened.WindowExpiresAt, closed.WindowClosedAt);
        Refused(await conversation.SendText("too-late", "Are you still there?"), RefusalReason.WindowClosed);
    }

    [Fact]
    public async Task Bad_input_is_refused_and_never_changes_the_stored_state()
    {
        await using var service = await DurableService.Start(fixture.Redis);
        var conversation = await service.NewConversation();
        var opened = await conversation.InboundNow();
        var first = Ok(await conversation.SendText("order-7", "Your order 7 has shipped."));
        var redis = fixture.Connection.GetDatabase();
        var stored = await redis.HashGetAllAsync(conversation.StateKey);
        Assert.NotEmpty(stored);

        Refused(await conversation.Inbound(""), RefusalReason.MissingField);
        Refused(await conversation.Inbound("   "), RefusalReason.MissingField);
        Refused(await conversation.SendText("order-7", "Your order 8 has shipped."), RefusalReason.IdempotencyConflict);
        Refused(await conversation.SendText("", "No key at all."), RefusalReason.MissingField);

        // The provider writes a fresh etag on every write: an unchanged hash means nothing was written.
        Assert.Equal(
            stored.OrderBy(e => e.Name.ToString()).Select(e => (e.Name.ToString(), e.Value.ToString())),
            (await redis.HashGetAllAsync(conversation.StateKey)).OrderBy(e => e.Name.ToString()).Select(e => (e.Name.ToString(), e.Value.ToString())));

        await service.Restart();

        var reloaded = await conversation.Get();
        Assert.Equal(opened.WindowExpiresAt, reloaded.WindowExpiresAt);
        Assert.Equal(opened.LastInboundAt, reloaded.LastInboundAt);
        var replay = Ok(await conversation.SendText("order-7", "Your order 7 has shipped."));
        Assert.True(replay.Replayed);
        Assert.Equal(first.MessageId, replay.MessageId);
        Refused(await conversation.SendText("order-7", "Your order 8 has shipped."), RefusalReason.IdempotencyConflict);
    }
}
