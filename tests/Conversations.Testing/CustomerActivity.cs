using System.Collections.Immutable;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Testing;

/// <summary>
/// One customer's conversation holding everything an erasure must find: a template sent outside the window (the
/// portfolio's messaging limit counts the customer, the usage ledger charges it, Meta reports it sent), the customer's
/// message (window opened), a free-form reply Meta delivered and priced (a charge and a delivery marker) and a send
/// scheduled an hour ahead. Grain tests and Redis tests build the same one.
/// </summary>
public sealed record CustomerActivity(
    string BusinessNumberId,
    string Customer,
    string InboundWamid,
    ImmutableArray<string> MessageIds,
    ImmutableArray<string> Wamids,
    ImmutableArray<string> IdempotencyKeys,
    DateTimeOffset ScheduledFor)
{
    public const string Template = "erasure_check";

    public ConversationKey Key => new(BusinessNumberId, Customer);

    /// <summary>Everything that names the customer or one of their messages: none of it may survive an erasure.</summary>
    public IEnumerable<string> Traces => [Customer, InboundWamid, .. MessageIds, .. Wamids, .. IdempotencyKeys];

    /// <param name="wabaId">The WABA the number is registered to; its approved template is (re)stored here.</param>
    public static async Task<CustomerActivity> Create(IGrainFactory grains, string businessNumberId, string wabaId, string customer, TimeProvider clock, RecordingWhatsAppSender whatsApp)
    {
        Ok(await grains.GetGrain<ITemplateRegistryGrain>(wabaId).Upsert(new TemplateDraft(Template, "en_US", TemplateCategory.Utility, TemplateStatus.Approved, "Your order {{1}} has shipped")));
        var conversation = grains.GetGrain<IConversationGrain>(new ConversationKey(businessNumberId, customer).ToString());
        var keys = new[] { $"key-{Guid.NewGuid():N}", $"key-{Guid.NewGuid():N}", $"key-{Guid.NewGuid():N}" };
        var wamids = new[] { $"wamid.erasure-{Guid.NewGuid():N}", $"wamid.erasure-{Guid.NewGuid():N}" };

        var template = await SendAs(whatsApp, customer, wamids[0], () => conversation.Send(new SendCommand(
            keys[0],
            new TemplateMessage(Template, "en_US", ["42"], ImmutableSortedDictionary<string, string>.Empty))));
        var inbound = $"wamid.erasure-{Guid.NewGuid():N}";
        Ok(await conversation.RecordInbound(new InboundMessage(inbound, clock.GetUtcNow(), InboundMessageType.Text, "Please call me back")));
        var reply = await SendAs(whatsApp, customer, wamids[1], () => conversation.Send(new SendCommand(keys[1], new TextMessage("We will call you at five."))));
        var now = clock.GetUtcNow();
        Ok(await conversation.RecordStatuses(
        [
            new StatusUpdate(wamids[0], MessageStatus.Sent, now, null, null),
            new StatusUpdate(wamids[1], MessageStatus.Delivered, now, null, new PricingReport(true, "PMP", "free_customer_service", "service")),
        ]));
        var scheduledFor = now + TimeSpan.FromHours(1);
        var scheduled = Ok(await conversation.Send(new SendCommand(keys[2], new TextMessage("Calling you in a minute.")) { SendAt = scheduledFor }));
        return new CustomerActivity(businessNumberId, customer, inbound, [template.MessageId, reply.MessageId, scheduled.MessageId], [.. wamids], [.. keys], scheduledFor);
    }

    /// <summary>Meta takes the send with this wamid, so every wamid of the customer is known and unique.</summary>
    private static async Task<SendReceipt> SendAs(RecordingWhatsAppSender whatsApp, string customer, string wamid, Func<Task<Result<SendReceipt>>> send)
    {
        whatsApp.AnswerFor(customer, DispatchResult.AcceptedAs(wamid, "accepted"));
        try
        {
            return Ok(await send());
        }
        finally
        {
            whatsApp.Clear(customer);
        }
    }

    private static T Ok<T>(Result<T> result) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException($"Refused while building the customer's activity: {result.Refusal.Message}");
}
