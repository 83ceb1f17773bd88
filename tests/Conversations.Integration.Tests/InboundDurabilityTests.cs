using Conversations.Testing;
using static Conversations.Integration.Tests.Outcome;

namespace Conversations.Integration.Tests;

/// <summary>A customer message the service answered OK must be stored, and its window must close on time.</summary>
[Collection(RedisCollection.Name)]
public sealed class InboundDurabilityTests(RedisFixture fixture)
{
    [Fact]
    public async Task A_customer_message_acknowledged_on_retry_after_the_reminder_table_failed_is_stored_and_its_window_closes()
    {
        var reminders = new ReminderTableOutage();
        await using var service = await DurableService.Start(fixture.Redis, configureSilo: (_, silo) => reminders.Install(silo));
        var conversation = await service.NewConversation();

        reminders.FailNextRegistration();
        await Assert.ThrowsAnyAsync<Exception>(() => conversation.Inbound("wamid.first"));
        var retry = Ok(await conversation.Inbound("wamid.first"));
        await service.Restart();
        var stored = await conversation.Get();

        Assert.True(retry.WindowOpen);
        Assert.Equal(retry.LastInboundAt, stored.LastInboundAt);
        Assert.True(stored.WindowOpen);
        Assert.True(await conversation.ExpiryReminderArmed());
    }
}
