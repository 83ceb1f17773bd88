using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Testing;
using static Conversations.Integration.Tests.Outcome;

namespace Conversations.Integration.Tests.UnderLoad;

/// <summary>
/// Reconciles three records of the same sends: what the clients were finally told, what reached Meta, and what each
/// conversation's log holds. Every count but the first four is a broken promise, and <see cref="Problems"/> names each one.
/// </summary>
public sealed class SendAudit
{
    private readonly List<string> _problems = [];

    public int Sends { get; private set; }

    public int Acknowledged { get; private set; }

    /// <summary>Failed by the grain as MetaOutcomeUnknown (the silo died mid-dispatch): allowed, never resent.</summary>
    public int OutcomeUnknown { get; private set; }

    /// <summary>Of those, how many Meta did in fact receive once.</summary>
    public int OutcomeUnknownThatReachedMeta { get; private set; }

    /// <summary>Neither acknowledged nor outcome-unknown after the retries: a client still without an answer.</summary>
    public int Unsettled { get; private set; }

    public int SentToMetaMoreThanOnce { get; private set; }

    /// <summary>Meta got something under an id or body that belongs to no send of this test.</summary>
    public int SentToMetaUnasked { get; private set; }

    public int AcknowledgedButNotAtMeta { get; private set; }

    /// <summary>Acknowledged, but the conversation's log lacks it, holds it under another message id, or does not hold it as accepted by Meta.</summary>
    public int AcknowledgedButLost { get; private set; }

    public int OutcomeUnknownButNotFailedInLog { get; private set; }

    /// <summary>An idempotency key with more than one entry in its conversation's log.</summary>
    public int DecidedTwice { get; private set; }

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Every send settled, each once: nothing at Meta twice or unasked, nothing acknowledged and then lost.</summary>
    public void AssertEverySendSettledOnceAndNothingLost()
    {
        Assert.Equal(0, Unsettled);
        Assert.Equal(Sends, Acknowledged + OutcomeUnknown);
        Assert.Equal(0, SentToMetaMoreThanOnce);
        Assert.Equal(0, SentToMetaUnasked);
        Assert.Equal(0, DecidedTwice);
        Assert.Equal(0, AcknowledgedButNotAtMeta);
        Assert.Equal(0, AcknowledgedButLost);
        Assert.Equal(0, OutcomeUnknownButNotFailedInLog);
    }

    public static async Task<SendAudit> Of(ClientLoad load, Traffic traffic, RecordingWhatsAppSender meta)
    {
        var logs = new Dictionary<DurableConversation, IReadOnlyList<MessageLogEntry>>();
        foreach (var conversation in traffic.Conversations)
        {
            logs[conversation] = Ok(await conversation.Grain.ListMessages(0));
        }

        return new SendAudit(load, traffic, meta, logs);
    }

    public override string ToString() =>
        $"{Sends} sends: {Acknowledged} acknowledged, {OutcomeUnknown} outcome unknown ({OutcomeUnknownThatReachedMeta} of them reached Meta), {Unsettled} unsettled; " +
        $"sent twice {SentToMetaMoreThanOnce}, unasked {SentToMetaUnasked}, acknowledged but not at Meta {AcknowledgedButNotAtMeta}, " +
        $"acknowledged but lost {AcknowledgedButLost}, unknown but not failed in log {OutcomeUnknownButNotFailedInLog}, decided twice {DecidedTwice}";

    private SendAudit(ClientLoad load, Traffic traffic, RecordingWhatsAppSender meta, Dictionary<DurableConversation, IReadOnlyList<MessageLogEntry>> logs)
    {
        var replies = traffic.Replies.ToDictionary(r => r.Body);
        var atMeta = meta.Sent
            .GroupBy(s => s.Message.Content is TextMessage text && replies.TryGetValue(text.Body, out var reply) ? reply : null)
            .ToDictionary(g => g.Key?.IdempotencyKey ?? "", g => g.ToList());
        SentToMetaUnasked = atMeta.GetValueOrDefault("")?.Count ?? 0;
        Problem(SentToMetaUnasked > 0, $"Meta got {SentToMetaUnasked} messages no client asked for");
        foreach (var twice in meta.Sent.GroupBy(s => s.Message.MessageId).Where(g => g.Count() > 1))
        {
            Problem(true, $"message {twice.Key} went to Meta {twice.Count()} times");
        }

        foreach (var (reply, result) in load.Results<FreeFormReply>())
        {
            Sends++;
            var sent = atMeta.GetValueOrDefault(reply.IdempotencyKey) ?? [];
            var entries = logs[reply.Conversation].Where(e => e.IdempotencyKey == reply.IdempotencyKey).ToList();
            var entry = entries.Count == 1 ? entries[0] : null;
            if (sent.Count > 1)
            {
                SentToMetaMoreThanOnce++;
                Problem(true, $"{reply} went to Meta {sent.Count} times, as {string.Join(", ", sent.Select(s => s.Message.MessageId))}");
            }

            if (entries.Count > 1)
            {
                DecidedTwice++;
                Problem(true, $"{reply} has {entries.Count} log entries: {string.Join(", ", entries.Select(e => $"{e.MessageId} {e.Status}"))}");
            }

            switch (result.Verdict)
            {
                case CallVerdict.Acknowledged:
                    Acknowledged++;
                    if (sent.Count == 0)
                    {
                        AcknowledgedButNotAtMeta++;
                        Problem(true, $"{reply} was acknowledged as {result.MessageId} but never reached Meta");
                    }

                    if (entry is null || entry.MessageId != result.MessageId || entry.Status == MessageStatus.Failed || entry.Wamid is null || entry.Wamid != sent.FirstOrDefault().Wamid)
                    {
                        AcknowledgedButLost++;
                        Problem(true, $"{reply} was acknowledged as {result.MessageId}; the log holds {Describe(entry)}, Meta gave {sent.FirstOrDefault().Wamid}");
                    }

                    break;
                case CallVerdict.OutcomeUnknown:
                    OutcomeUnknown++;
                    OutcomeUnknownThatReachedMeta += sent.Count > 0 ? 1 : 0;
                    if (entry is not { Status: MessageStatus.Failed, Refusal.Reason: RefusalReason.MetaOutcomeUnknown })
                    {
                        OutcomeUnknownButNotFailedInLog++;
                        Problem(true, $"{reply} was answered MetaOutcomeUnknown; the log holds {Describe(entry)}");
                    }

                    break;
                default:
                    Unsettled++;
                    Problem(true, $"{reply} ended {result.Verdict}: {result.Detail}");
                    break;
            }
        }
    }

    private static string Describe(MessageLogEntry? entry) =>
        entry is null ? "no single entry" : $"{entry.MessageId} {entry.Status} {entry.Refusal?.Reason} wamid {entry.Wamid}";

    private void Problem(bool happened, string description)
    {
        if (happened)
        {
            _problems.Add(description);
        }
    }
}
