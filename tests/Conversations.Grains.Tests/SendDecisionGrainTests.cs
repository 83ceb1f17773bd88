using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Testing;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SendDecisionGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_same_idempotency_key_and_content_returns_the_first_receipt_and_sends_nothing_again()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var first = Ok(await conversation.SendText("On its way", key: "order-42-reply"));

        var retry = Ok(await conversation.SendText("On its way", key: "order-42-reply"));

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.MessageId, retry.MessageId);
        Assert.Equal(first.AcceptedAt, retry.AcceptedAt);
    }

    [Fact]
    public async Task A_retry_after_the_window_closed_still_gets_the_first_receipt()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var first = Ok(await conversation.SendText("On its way", key: "late-retry"));

        conversation.Advance(TimeSpan.FromHours(25));
        var retry = Ok(await conversation.SendText("On its way", key: "late-retry"));

        Assert.Equal(first.MessageId, retry.MessageId);
        Assert.True(retry.Replayed);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_different_content_is_refused()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var first = Ok(await conversation.SendText("On its way", key: "k1"));

        var refusal = Refused(await conversation.SendText("Something else", key: "k1"), RefusalReason.IdempotencyConflict);

        Assert.Equal(first.MessageId, refusal.Metadata["message_id"]);
    }

    [Fact]
    public async Task A_refused_send_does_not_burn_its_idempotency_key()
    {
        var conversation = await Registered(fixture);
        Refused(await conversation.SendText("Hello", key: "k-refused"), RefusalReason.WindowClosed);
        await conversation.InboundNow();

        var accepted = Ok(await conversation.SendText("Hello", key: "k-refused"));

        Assert.False(accepted.Replayed);
    }

    [Fact]
    public async Task Text_of_4096_characters_is_accepted_and_4097_refused()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();

        Ok(await conversation.SendText(new string('a', 4096)));
        var refusal = Refused(await conversation.SendText(new string('a', 4097)), RefusalReason.TextTooLong);

        Assert.Equal("4096", refusal.Metadata["limit"]);
    }

    [Fact]
    public async Task Empty_text_and_missing_idempotency_key_are_missing_fields()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();

        Assert.Equal("text.body", Refused(await conversation.SendText(""), RefusalReason.MissingField).Metadata["field"]);
        Assert.Equal("idempotency_key", Refused(await conversation.SendText("hi", key: " "), RefusalReason.MissingField).Metadata["field"]);
    }

    [Fact]
    public async Task An_unregistered_business_number_is_refused_before_anything_is_stored()
    {
        var number = TestNumbers.BusinessNumberId();
        var grain = fixture.Grains.GetGrain<IConversationGrain>(new ConversationKey(number, TestNumbers.Customer()).ToString());

        var inbound = await grain.RecordInbound(new InboundMessage("wamid.x", fixture.Clock.GetUtcNow(), InboundMessageType.Text, "hi"));

        Assert.Equal(number, Refused(inbound, RefusalReason.UnknownBusinessNumber).Metadata["business_number_id"]);
    }

    [Fact]
    public async Task A_template_in_a_language_that_does_not_exist_is_not_found_listing_the_languages_that_do()
    {
        var conversation = await Registered(fixture);
        await conversation.Template("order_update", "Order {{1}} shipped", language: "en_US");
        await conversation.Template("order_update", "Pedido {{1}} enviado", language: "es");

        var refusal = Refused(await conversation.SendTemplate("order_update", "fr", parameters: "1"), RefusalReason.TemplateNotFound);

        Assert.Equal("en_US,es", refusal.Metadata["languages_available"]);
    }

    [Fact]
    public async Task Only_an_approved_template_may_be_sent()
    {
        var conversation = await Registered(fixture);
        await conversation.Template("promo", "Hello {{1}}", TemplateStatus.Pending);

        var refusal = Refused(await conversation.SendTemplate("promo", parameters: "Ana"), RefusalReason.TemplateNotApproved);

        Assert.Equal("PENDING", refusal.Metadata["status"]);
    }

    [Fact]
    public async Task A_template_with_the_wrong_parameter_count_is_refused_with_132000_facts()
    {
        var conversation = await Registered(fixture);
        await conversation.Template("two_params", "Hi {{1}}, order {{2}}");

        var refusal = Refused(await conversation.SendTemplate("two_params", parameters: "Ana"), RefusalReason.TemplateParameterMismatch);

        Assert.Equal("2", refusal.Metadata["expected"]);
        Assert.Equal("1", refusal.Metadata["received"]);
    }

    [Fact]
    public async Task Templates_of_another_waba_are_not_visible_to_this_number()
    {
        var ours = await Registered(fixture);
        var theirs = await Registered(fixture);
        await theirs.Template("their_template", "Hello");

        Refused(await ours.SendTemplate("their_template"), RefusalReason.TemplateNotFound);
    }
}
