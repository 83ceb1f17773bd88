namespace Conversations.Abstractions.Meta;

/// <summary>What a failed call to Meta means for the caller. Persisted: never renumber.</summary>
[GenerateSerializer]
[Alias("meta-error-class")]
public enum MetaErrorClass
{
    /// <summary>131000, 131016, 5xx, a connection that never reached Meta: retried with backoff before it is reported.</summary>
    Transient = 1,

    /// <summary>130429 throughput, 131056 pair rate: retry later.</summary>
    RateLimited = 2,

    /// <summary>Everything else: retrying cannot help.</summary>
    Permanent = 3,

    /// <summary>The request may have reached Meta but no answer came; never resent, to stay at-most-once.</summary>
    OutcomeUnknown = 4,
}
