using System.Diagnostics.CodeAnalysis;
using Conversations.Abstractions.Refusals;

namespace Conversations.Api.Errors;

public static class ResultExtensions
{
    /// <summary>The value, or the refusal as the RpcException the caller receives.</summary>
    public static T OrThrow<T>(this Result<T> result) =>
        result.Succeeded ? result.Value : throw result.Refusal.ToRpcException();
}
