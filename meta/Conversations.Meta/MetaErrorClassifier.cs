using System.Net;
using Conversations.Abstractions.Meta;

namespace Conversations.Meta;

/// <summary>What an error answer from the Cloud API means for the caller: retry now, retry later, or give up.</summary>
public static class MetaErrorClassifier
{
    /// <param name="status">The HTTP status of Meta's answer.</param>
    /// <param name="code">The code of Meta's error body, when it had one.</param>
    public static MetaErrorClass Classify(HttpStatusCode status, int? code) => code switch
    {
        CloudApiErrorCodes.SomethingWentWrong or CloudApiErrorCodes.ServiceUnavailable => MetaErrorClass.Transient,
        CloudApiErrorCodes.Throughput or CloudApiErrorCodes.PairRateLimit => MetaErrorClass.RateLimited,
        // Graph-level codes Meta documents as "temporary, retry" (1, 2) and "throttled, retry later" (4, 80007).
        CloudApiErrorCodes.ApiUnknown or CloudApiErrorCodes.ApiService => MetaErrorClass.Transient,
        CloudApiErrorCodes.ApiTooManyCalls or CloudApiErrorCodes.RateLimitIssues => MetaErrorClass.RateLimited,
        _ when (int)status >= 500 => MetaErrorClass.Transient,
        _ when status == HttpStatusCode.TooManyRequests => MetaErrorClass.RateLimited,
        _ => MetaErrorClass.Permanent,
    };
}
