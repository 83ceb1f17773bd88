using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Refusals;
using Conversations.Testing;
using Microsoft.Extensions.Time.Testing;
using static Conversations.Integration.Tests.Outcome;

namespace Conversations.Integration.Tests;

/// <summary>A silo that dies between "decided" and "Meta answered" must not make the message go out twice.</summary>
[Collection(RedisCollection.Name)]
public sealed class AtMostOnceTests(RedisFixture fixture)
{
    /// <summary>Meta that takes the request and never answers, like a silo dying mid-call.</summary>
    private sealed class HangingSender : IWhatsAppSender
    {
        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<DispatchResult> Send(OutboundMessage message, CancellationToken cancellationToken)
        {
            Called.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException();
        }

        public Task<MetaAnswer<bool>> MarkRead(ReadReceipt receipt, CancellationToken cancellationToken) => Task.FromResult(MetaAnswer<bool>.Ok(true));
    }

    [Fact]
    public async Task A_send_interrupted_by_a_silo_crash_is_failed_as_outcome_unknown_and_never_resent()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var serviceId = RedisCluster.NewServiceId();
        var key = new ConversationKey(TestNumbers.BusinessNumberId(), TestNumbers.Customer());
        var hanging = new HangingSender();
        var first = await RedisCluster.Start(fixture.Redis.ConnectionString, clock, serviceId, configureSilo: (_, silo) =>
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IWhatsAppSender>(silo.Services, hanging));
        Ok(await first.Client.GetGrain<IBusinessNumberGrain>(key.BusinessNumberId).Register(TestNumbers.WabaId()));
        var grain = first.Client.GetGrain<IConversationGrain>(key.ToString());
        Ok(await grain.RecordInbound(new InboundMessage("wamid.in", clock.GetUtcNow(), InboundMessageType.Text, "hi")));

        _ = grain.Send(new SendCommand("crash-key", new TextMessage("Your order shipped.")));
        await hanging.Called.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await first.KillSiloAsync(first.Silos[0]);
        await first.DisposeAsync();

        var whatsApp = new RecordingWhatsAppSender();
        await using var second = await RedisCluster.Start(fixture.Redis.ConnectionString, clock, serviceId, whatsApp: whatsApp);
        var recovered = second.Client.GetGrain<IConversationGrain>(key.ToString());
        var entry = Assert.Single(Ok(await recovered.ListMessages(0)));
        var retry = await recovered.Send(new SendCommand("crash-key", new TextMessage("Your order shipped.")));

        Assert.Equal(MessageStatus.Failed, entry.Status);
        Assert.Equal(RefusalReason.MetaOutcomeUnknown, entry.Refusal!.Reason);
        Refused(retry, RefusalReason.MetaOutcomeUnknown);
        Assert.Empty(whatsApp.Sent);
    }

    [Fact]
    public async Task A_send_meta_accepted_is_acknowledged_with_its_wamid_when_pricing_fails_and_is_priced_once_the_ledger_answers()
    {
        var ledger = new LedgerOutage();
        await using var service = await DurableService.Start(fixture.Redis, configureSilo: (_, silo) => ledger.Install(silo));
        var conversation = await service.NewConversation();
        await conversation.InboundNow();

        ledger.FailNextCharge();
        var receipt = Ok(await conversation.SendText("order-9", "Your order 9 has shipped."));
        var atMeta = Assert.Single(service.WhatsApp.Sent);
        var retry = Ok(await conversation.SendText("order-9", "Your order 9 has shipped."));
        await service.Restart();
        var entry = Assert.Single(Ok(await conversation.Grain.ListMessages(0)));

        Assert.Equal(1, ledger.Failed);
        Assert.Equal((atMeta.Message.MessageId, atMeta.Wamid), (receipt.MessageId, receipt.Wamid));
        Assert.Equal((receipt.MessageId, receipt.Wamid), (retry.MessageId, retry.Wamid));
        Assert.Equal((receipt.MessageId, MessageStatus.Accepted, atMeta.Wamid), (entry.MessageId, entry.Status, entry.Wamid));
        Assert.NotNull(entry.Charge);
        Assert.Single(service.WhatsApp.Sent);
    }
}
