using Conversations.Grains.Conversation;
using static Conversations.Grains.Tests.Model.ModelDriver;

namespace Conversations.Grains.Tests.Model;

public sealed class ErasureModelTests
{
    [Fact]
    public async Task Starting_an_erasure_names_every_message_and_takes_the_scheduled_sends_out_of_the_state_with_both_reminders()
    {
        // Arrange
        var conversation = new ModelDriver();
        conversation.InboundNow();
        var sent = Ok((await conversation.Send(Text("now"))).Answer);
        var scheduled = Ok(conversation.Model.Receive(Text("later") with { SendAt = conversation.Now + TimeSpan.FromHours(1) }, conversation.Now)!.Answer);

        // Act
        var started = conversation.Model.StartErasure();

        // Assert
        var scope = Ok(started.Answer);
        Assert.Equal([sent.MessageId, scheduled.MessageId], scope.MessageIds.ToArray());
        Assert.Equal(1, scope.ScheduledSends);
        Assert.True(started.Changed);
        Assert.Empty(conversation.State.Scheduled);
        Assert.Equal<ReminderChange>(
            [ReminderChange.Unregister(ReminderChange.Expiry), ReminderChange.Unregister(ReminderChange.ScheduledSends)],
            started.Reminders);
    }

    [Fact]
    public void Starting_the_erasure_of_a_conversation_without_scheduled_sends_writes_nothing()
    {
        // Arrange
        var conversation = new ModelDriver();
        conversation.InboundNow();

        // Act
        var started = conversation.Model.StartErasure();

        // Assert
        Assert.False(started.Changed);
        Assert.Empty(Ok(started.Answer).MessageIds);
    }
}
