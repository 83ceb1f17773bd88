using Conversations.Abstractions.Meta;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Rulebook;

/// <summary>Meta's own answer reaches the caller: its wamid on success, its refusal with Meta's code on failure.</summary>
[Collection(ApiCollection.Name)]
public sealed class MetaRefusalTests(ApiFactory api)
{
    private readonly RulebookSteps _steps = new(api);

    [Fact]
    public async Task Receipt_carries_the_wamid_Meta_answered()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();

        // Act
        var receipt = (await api.Conversations.SendAsync(RulebookSteps.Text(number, customer))).Receipt;

        // Assert
        Assert.StartsWith("wamid.test.", receipt.Wamid, StringComparison.Ordinal);
        Assert.Equal(api.WhatsApp.WamidOf(receipt.MessageId), receipt.Wamid);
        Assert.Equal(receipt.Wamid, Assert.Single(await _steps.Messages(number, customer)).Wamid);
    }

    [Fact]
    public async Task Meta_permanent_refusal_is_FAILED_PRECONDITION_META_REJECTED_with_Metas_code()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        api.WhatsApp.AnswerFor(customer, DispatchResult.Failed(MetaErrorClass.Permanent, new MetaError(131026, "Message undeliverable", null)));
        try
        {
            // Act
            var info = await Refused.With(StatusCode.FailedPrecondition, "META_REJECTED",
                () => api.Conversations.SendAsync(RulebookSteps.Text(number, customer)).ResponseAsync);

            // Assert
            Assert.Equal("131026", info.Metadata["whatsapp_code"]);
            Assert.Equal("Message undeliverable", info.Metadata["meta_title"]);
            var record = Assert.Single(await _steps.Messages(number, customer));
            Assert.Equal(V1.MessageStatus.Failed, record.Status);
            Assert.Equal("META_REJECTED", record.Refusal.Reason);
            Assert.Equal("FAILED_PRECONDITION", record.Refusal.Status);
            Assert.Equal("131026", record.Refusal.Metadata["whatsapp_code"]);
            Assert.Equal(131026, record.MetaError.Code);
            Assert.Equal("", record.Wamid);

            // The log's refusal must carry Meta's code in whatsapp_code, as its metadata and the Send error do.
            Assert.Equal("131026", record.Refusal.WhatsappCode);
        }
        finally
        {
            api.WhatsApp.Clear(customer);
        }
    }

    [Fact]
    public async Task Meta_rate_limit_is_RESOURCE_EXHAUSTED_META_RATE_LIMITED_and_the_key_may_retry()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = RulebookSteps.Text(number, customer);
        api.WhatsApp.AnswerFor(customer, DispatchResult.Failed(MetaErrorClass.RateLimited, new MetaError(130429, "Rate limit hit", null)));
        Google.Rpc.ErrorInfo info;
        try
        {
            // Act
            info = await Refused.With(StatusCode.ResourceExhausted, "META_RATE_LIMITED",
                () => api.Conversations.SendAsync(request).ResponseAsync);
        }
        finally
        {
            api.WhatsApp.Clear(customer);
        }

        var retried = (await api.Conversations.SendAsync(request)).Receipt;

        // Assert
        Assert.Equal("130429", info.Metadata["whatsapp_code"]);
        Assert.Equal(V1.MessageStatus.Accepted, retried.Status);
        Assert.False(retried.Replayed);
        Assert.StartsWith("wamid.test.", retried.Wamid, StringComparison.Ordinal);
        Assert.Equal(2, _steps.SentTo(number, customer).Count);
    }
}
