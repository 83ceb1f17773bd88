using System.Collections.Immutable;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.Conversation;

/// <summary>
/// What one step of a <see cref="Conversation"/> did: the caller's answer, whether the state must be written, the
/// events it raised (numbered and complete, published after the write) and the I/O the grain must perform.
/// </summary>
public sealed record ConversationOutcome<T>(Result<T> Answer)
{
    /// <summary>Whether the conversation's state must be written.</summary>
    public bool Changed { get; init; }

    /// <summary>New versions of messages, to append to the message log store (the state does not hold the log).</summary>
    public ImmutableArray<ConversationMessage> Logged { get; init; } = [];

    public ImmutableArray<PublishedEvent> Events { get; init; } = [];

    public ImmutableArray<ReminderChange> Reminders { get; init; } = [];

    /// <summary>What Meta says it charged for a delivered message; the ledger of the delivery month must learn it.</summary>
    public ReportedCharge? ChargeReported { get; init; }

    /// <summary>Inbound ids the dedupe cap made the conversation forget inside the window (<see cref="InboundIds.Remember"/>); the grain logs it.</summary>
    public int InboundIdsForgotten { get; init; }

    /// <summary>A message whose intent is recorded (and must be written first) that the grain must hand to Meta.</summary>
    public OutboundMessage? Dispatch { get; init; }

    public static implicit operator ConversationOutcome<T>(Refusal refusal) => new((Result<T>)refusal);
}
