using System.Collections.Concurrent;
using Conversations.Abstractions.Meta;

namespace Conversations.Testing;

/// <summary>
/// A stand-in for Meta in grain tests: records what the conversation sent and answers with a wamid, or with the
/// error a test scripted for a customer. End-to-end tests use the Cloud API client against the simulator instead.
/// </summary>
public sealed class RecordingWhatsAppSender : IWhatsAppSender
{
    private readonly ConcurrentDictionary<string, DispatchResult> _scripted = new();
    private readonly ConcurrentDictionary<string, HeldSend> _held = new();
    private long _sequence;

    public ConcurrentQueue<(OutboundMessage Message, string? Wamid)> Sent { get; } = new();

    /// <summary>Every send to <paramref name="to"/> gets <paramref name="result"/> until cleared.</summary>
    public void AnswerFor(string to, DispatchResult result) => _scripted[to] = result;

    public void Clear(string to) => _scripted.TryRemove(to, out _);

    public IEnumerable<OutboundMessage> SentTo(string to) => Sent.Where(s => s.Message.To == to).Select(s => s.Message);

    public string? WamidOf(string messageId) => Sent.FirstOrDefault(s => s.Message.MessageId == messageId).Wamid;

    /// <summary>
    /// The next send to <paramref name="to"/> waits, like a slow Meta, until released; it honours the token it was
    /// given, so a test sees whether the caller's cancellation reached the call to Meta.
    /// </summary>
    public HeldSend HoldNext(string to) => _held[to] = new HeldSend();

    public async Task<DispatchResult> Send(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (_held.TryRemove(message.To, out var held))
        {
            held.Reached.TrySetResult();
            await held.Released.Task.WaitAsync(cancellationToken);
        }

        var result = _scripted.TryGetValue(message.To, out var scripted)
            ? scripted
            : DispatchResult.AcceptedAs($"wamid.test.{Interlocked.Increment(ref _sequence)}", "accepted");
        Sent.Enqueue((message, result.Wamid));
        return result;
    }

    /// <summary>Every read receipt the conversation handed to Meta, in order.</summary>
    public ConcurrentQueue<ReadReceipt> ReadReceipts { get; } = new();

    public Task<MetaAnswer<bool>> MarkRead(ReadReceipt receipt, CancellationToken cancellationToken)
    {
        ReadReceipts.Enqueue(receipt);
        return Task.FromResult(MetaAnswer<bool>.Ok(true));
    }

    public sealed class HeldSend
    {
        /// <summary>Set when the send reached Meta and started waiting.</summary>
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
