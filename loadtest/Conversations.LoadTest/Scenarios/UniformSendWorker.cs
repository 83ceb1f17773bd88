using Conversations.LoadTest.Measurement;
using Conversations.V1;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// One loop of the uniform load: a free-form text send to a conversation picked uniformly at random, each with a fresh
/// idempotency key. The same loop drives the api (uniform) and the relay floor (relay), so the two see the same requests.
/// </summary>
public sealed class UniformSendWorker(ConversationSet conversations, V1.ConversationsService.ConversationsServiceClient client, string keyPrefix, int index)
    : IScenarioWorker
{
    private readonly Random _random = new(index);

    // One request per worker, refilled each time: a unary call has serialized it before its response arrives.
    private readonly SendRequest _request = new() { Text = new TextContent { Body = "Your order has shipped and arrives tomorrow." } };
    private long _sequence;

    public async ValueTask<Outcome?> ExecuteAsync(CancellationToken cancellationToken)
    {
        var conversation = _random.Next(conversations.Count);
        _request.BusinessNumberId = conversations.NumberOf(conversation);
        _request.Customer = conversations.CustomerOf(conversation);
        _request.IdempotencyKey = keyPrefix + _sequence++;
        await client.SendAsync(_request, cancellationToken: cancellationToken);
        return Outcome.Ok;
    }
}
