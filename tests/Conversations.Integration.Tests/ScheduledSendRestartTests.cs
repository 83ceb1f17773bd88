using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Testing;
using static Conversations.Integration.Tests.Outcome;

namespace Conversations.Integration.Tests;

/// <summary>A scheduled send is held in Redis, so a restart between request and send time neither loses nor repeats it.</summary>
[Collection(RedisCollection.Name)]
public sealed class ScheduledSendRestartTests(RedisFixture fixture)
{
    [Fact]
    public async Task A_scheduled_send_survives_a_restart_and_is_decided_at_its_send_time()
    {
        await using var service = await DurableService.Start(fixture.Redis);
        var conversation = await service.NewConversation();
        await conversation.InboundNow();
        var scheduled = Ok(await conversation.Grain.Send(new SendCommand("reminder-1", new TextMessage("Your table is ready."))
        {
            SendAt = conversation.Now + TimeSpan.FromHours(2),
        }));

        await service.Restart();
        service.Clock.Advance(TimeSpan.FromHours(2));

        var log = await Eventually.Until(
            async () => Ok(await conversation.Grain.ListMessages(0)),
            messages => messages.Single().Status != MessageStatus.Scheduled,
            TimeSpan.FromSeconds(10));
        var decided = log.Single();
        Assert.Equal(scheduled.MessageId, decided.MessageId);
        Assert.Equal(MessageStatus.Accepted, decided.Status);
        Assert.Equal(MessageKind.FreeForm, decided.Kind);
    }

    [Fact]
    public async Task A_scheduled_send_that_crosses_the_window_expiry_across_a_restart_fails_with_window_closed()
    {
        await using var service = await DurableService.Start(fixture.Redis);
        var conversation = await service.NewConversation();
        await conversation.InboundNow();
        Ok(await conversation.Grain.Send(new SendCommand("too-late", new TextMessage("Still there?"))
        {
            SendAt = conversation.Now + TimeSpan.FromHours(25),
        }));

        await service.Restart();
        service.Clock.Advance(TimeSpan.FromHours(25));

        var decided = (await Eventually.Until(
            async () => Ok(await conversation.Grain.ListMessages(0)),
            messages => messages.Single().Status != MessageStatus.Scheduled,
            TimeSpan.FromSeconds(10))).Single();
        Assert.Equal(MessageStatus.Failed, decided.Status);
        Assert.Equal(RefusalReason.WindowClosed, decided.Refusal!.Reason);
    }
}
