namespace Conversations.Integration.Tests.UnderLoad;

public enum CallVerdict
{
    /// <summary>The service said OK: whatever it acknowledged must survive.</summary>
    Acknowledged,

    /// <summary>A send the service failed as MetaOutcomeUnknown: it may or may not have reached Meta and is never resent.</summary>
    OutcomeUnknown,

    /// <summary>The call failed (the silo or Redis went away); the client retries it with the same identity.</summary>
    Failed,

    /// <summary>A refusal no retry changes; under load alone there should be none.</summary>
    Refused,
}
