using System.Security.Cryptography;
using Conversations.Grains;

namespace Conversations.Integration.Tests.UnderLoad;

/// <summary>
/// The traffic of a load test, per conversation: customer messages sent at scattered earlier times (webhooks arrive late
/// and out of order), each answered by a free-form reply under its own idempotency key. Replies go inside the window the
/// customer opened, so no template and no messaging limit is involved.
/// </summary>
public sealed class Traffic
{
    private readonly Dictionary<DurableConversation, DateTimeOffset> _latestInbound = [];

    private Traffic(IReadOnlyList<IReadOnlyList<ClientCall>> scripts)
    {
        Scripts = scripts;
        foreach (var message in scripts.SelectMany(s => s).OfType<CustomerMessage>())
        {
            _latestInbound[message.Conversation] = _latestInbound.TryGetValue(message.Conversation, out var latest) && latest > message.SentAt
                ? latest
                : message.SentAt;
        }
    }

    private static TimeSpan MaxWebhookDelay => TimeSpan.FromHours(3);

    /// <summary>One script per conversation, in the order its client makes the calls.</summary>
    public IReadOnlyList<IReadOnlyList<ClientCall>> Scripts { get; }

    public IEnumerable<ClientCall> Calls => Scripts.SelectMany(s => s);

    public IEnumerable<FreeFormReply> Replies => Calls.OfType<FreeFormReply>();

    public IEnumerable<DurableConversation> Conversations => _latestInbound.Keys;

    public static Traffic For(IEnumerable<DurableConversation> conversations, int exchanges, DateTimeOffset now) =>
        new([.. conversations.Select(conversation => (IReadOnlyList<ClientCall>)[.. Enumerable.Range(0, exchanges).SelectMany(exchange => new ClientCall[]
        {
            new CustomerMessage(conversation, $"wamid.in.{Guid.NewGuid():N}", now - TimeSpan.FromMinutes(RandomNumberGenerator.GetInt32((int)MaxWebhookDelay.TotalMinutes))),
            new FreeFormReply(conversation, $"reply-{exchange}-{Guid.NewGuid():N}"),
        })])]);

    /// <summary>The window's end: 24 h after the latest customer message, whatever order the webhooks came in.</summary>
    public DateTimeOffset ExpectedWindowEnd(DurableConversation conversation) => _latestInbound[conversation] + new ConversationOptions().WindowDuration;

    public DateTimeOffset LatestWindowEnd => Conversations.Max(ExpectedWindowEnd);
}
