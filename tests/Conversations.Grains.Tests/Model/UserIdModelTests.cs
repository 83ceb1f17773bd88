using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Tests.Model;

/// <summary>A conversation keyed by a BSUID: where its messages go, and what needs the phone number it may not know.</summary>
public sealed class UserIdModelTests
{
    private const string UserId = "US.13491208655302741918";
    private const string Phone = "16315551181";

    [Fact]
    public async Task An_authentication_template_to_a_customer_known_only_by_bsuid_is_refused_with_131062()
    {
        var driver = new ModelDriver(customer: UserId);
        driver.Approve("login_code", TemplateCategory.Authentication);

        var refusal = ModelDriver.Refused((await driver.Send(ModelDriver.TemplateSend("login_code"))).Answer, RefusalReason.UserIdRecipientUnsupported);

        Assert.Equal("131062", refusal.Metadata["whatsapp_code"]);
    }

    [Fact]
    public async Task An_authentication_template_goes_to_the_phone_number_a_bsuid_keyed_conversation_learned()
    {
        var driver = new ModelDriver(customer: UserId);
        driver.Approve("login_code", TemplateCategory.Authentication);
        driver.Model.RecordInbound(new InboundMessage("wamid.1", driver.Now, InboundMessageType.Text, "hi") { Phone = Phone, UserId = UserId }, driver.Now);

        var outcome = await driver.Send(ModelDriver.TemplateSend("login_code"));

        Assert.Equal(Phone, outcome.Dispatch!.To);
    }

    [Fact]
    public async Task Other_messages_of_a_bsuid_keyed_conversation_go_to_the_bsuid_even_when_the_phone_is_known()
    {
        var driver = new ModelDriver(customer: UserId);
        driver.Model.RecordInbound(new InboundMessage("wamid.1", driver.Now, InboundMessageType.Text, "hi") { Phone = Phone, UserId = UserId }, driver.Now);

        var outcome = await driver.Send(ModelDriver.Text());

        Assert.Equal(UserId, outcome.Dispatch!.To);
    }

    [Fact]
    public void The_snapshot_and_events_show_both_ids_whichever_keys_the_conversation()
    {
        var byUserId = new ModelDriver(customer: UserId);
        var byPhone = new ModelDriver(customer: Phone);
        var message = new InboundMessage("wamid.1", byUserId.Now, InboundMessageType.Text, "hi") { Phone = Phone, UserId = UserId };

        var keyedByUserId = byUserId.Model.RecordInbound(message, byUserId.Now);
        var keyedByPhone = byPhone.Model.RecordInbound(message, byPhone.Now);

        Assert.Equal((Phone, UserId), (keyedByUserId.Answer.Value!.Identity.Phone, keyedByUserId.Answer.Value.Identity.UserId));
        Assert.Equal(keyedByUserId.Answer.Value.Identity, keyedByPhone.Answer.Value!.Identity with { Canonical = UserId });
        Assert.All(keyedByUserId.Events, e => Assert.Equal(Phone, e.LinkedCustomer));
        Assert.All(keyedByPhone.Events, e => Assert.Equal(UserId, e.LinkedCustomer));
    }
}
