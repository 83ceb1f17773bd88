using Conversations.LoadTest.Measurement;
using Conversations.V1;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// One loop of free-form text sends, each to the conversation <c>nextConversation</c> picks and with a fresh idempotency
/// key. The same loop drives the api (uniform, pacing) and the relay floor (relay), so they see the same requests.
/// </summary>
public sealed class FreeFormSendWorker(ConversationSet conversations, V1.ConversationsService.ConversationsServiceClient client, string keyPrefix, Func<int> nextConversation)
    : IScenarioWorker
{
    // One request per worker, refilled each time: a unary call has serialized it before its response arrives.
    private readonly SendRequest _request = new() { Text = new TextContent { Body = "Your order has shipped and arrives tomorrow." } };
    private long _sequence;

    public async ValueTask<Outcome?> ExecuteAsync(CancellationToken cancellationToken)
    {
        var conversation = nextConversation();
        _request.BusinessNumberId = conversations.NumberOf(conversation);
        _request.Customer = conversations.CustomerOf(conversation);
        _request.IdempotencyKey = keyPrefix + _sequence++;
        await client.SendAsync(_request, cancellationToken: cancellationToken);
        return Outcome.Ok;
    }
}
