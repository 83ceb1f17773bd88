using Conversations.Abstractions.Refusals;

namespace Conversations.Integration.Tests.UnderLoad;

/// <summary>What a client learned from one attempt of a call.</summary>
public sealed record CallResult(CallVerdict Verdict, string? MessageId, string Detail)
{
    /// <summary>Only a failure is retried; every other verdict is the call's final answer.</summary>
    public bool Final => Verdict != CallVerdict.Failed;

    public static CallResult Acknowledged(string? messageId = null) => new(CallVerdict.Acknowledged, messageId, "ok");

    public static CallResult OutcomeUnknown(Refusal refusal) => new(CallVerdict.OutcomeUnknown, null, refusal.Message);

    public static CallResult Failed(string detail) => new(CallVerdict.Failed, null, detail);

    public static CallResult Refused(Refusal refusal) => new(CallVerdict.Refused, null, $"{refusal.Reason}: {refusal.Message}");
}
