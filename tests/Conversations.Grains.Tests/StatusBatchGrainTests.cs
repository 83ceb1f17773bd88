using System.Collections.Immutable;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Refusals;
using Conversations.Testing;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests;

/// <summary>A webhook's statuses for one conversation arrive as one batch: one answer per status, all of them stored.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StatusBatchGrainTests(ClusterFixture fixture)
{
    private static StatusUpdate Status(string wamid, MessageStatus status, DateTimeOffset at) => new(wamid, status, at, null, null);

    [Fact]
    public async Task A_batch_answers_each_status_in_order_and_what_it_stored_survives_deactivation()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var first = Ok(await conversation.SendText(key: "first")).Wamid!;
        var second = Ok(await conversation.SendText(key: "second")).Wamid!;
        var t = conversation.Now;

        var answers = Ok(await conversation.Grain.RecordStatuses(
        [
            Status(first, MessageStatus.Sent, t.AddSeconds(1)),
            Status(second, MessageStatus.Delivered, t.AddSeconds(1)),
            Status(first, MessageStatus.Read, t.AddSeconds(2)),
            Status("wamid.unknown", MessageStatus.Delivered, t.AddSeconds(2)),
        ]));

        Assert.Equal([MessageStatus.Sent, MessageStatus.Delivered, MessageStatus.Read], answers.Take(3).Select(a => Ok(a)!.Status));
        Assert.Null(Ok(answers[3]));
        var before = await conversation.Messages();
        await conversation.Deactivate();
        Assert.Equal<MessageLogEntry>(before, await conversation.Messages());
        Assert.Equal([MessageStatus.Delivered, MessageStatus.Read], (await conversation.Messages()).Select(m => m.Status));
    }

    [Fact]
    public async Task A_status_without_a_wamid_is_refused_on_its_own_and_the_rest_of_the_batch_applies()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var wamid = Ok(await conversation.SendText()).Wamid!;

        var answers = Ok(await conversation.Grain.RecordStatuses([Status("", MessageStatus.Delivered, conversation.Now), Status(wamid, MessageStatus.Delivered, conversation.Now)]));

        Assert.Equal("statuses.id", Refused(answers[0], RefusalReason.MissingField).Metadata["field"]);
        Assert.Equal(MessageStatus.Delivered, Ok(answers[1])!.Status);
    }

    [Fact]
    public async Task A_batch_for_an_unregistered_business_number_is_refused_whole()
    {
        var key = new ConversationKey(TestNumbers.BusinessNumberId(), TestNumbers.Customer());

        var refused = await fixture.Grains.GetGrain<IConversationGrain>(key.ToString()).RecordStatuses([Status("wamid.x", MessageStatus.Delivered, fixture.Clock.GetUtcNow())]);

        Refused(refused, RefusalReason.UnknownBusinessNumber);
    }

    [Fact]
    public async Task Events_numbered_after_a_reactivation_continue_after_the_last_status_event()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var wamid = Ok(await conversation.SendText()).Wamid!;
        Ok(await conversation.Grain.RecordStatuses([Status(wamid, MessageStatus.Delivered, conversation.Now)]));

        await conversation.Deactivate();
        Ok(await conversation.Grain.RecordStatuses([Status(wamid, MessageStatus.Read, conversation.Now)]));
        await conversation.InboundNow();

        var sequences = fixture.Events.Of(conversation.BusinessNumberId, conversation.Customer).Select(e => e.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences.Order());
        Assert.Contains(fixture.Events.Of(conversation.BusinessNumberId, conversation.Customer), e => e is { Kind: ConversationEventKind.MessageStatusChanged, Status: MessageStatus.Read });
    }
}
