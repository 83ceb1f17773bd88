using Google.Rpc;
using Grpc.Core;

namespace Conversations.EndToEnd.Tests;

/// <summary>Reads a refusal the way a client does: the status code plus the google.rpc.ErrorInfo packed in its details.</summary>
public static class Refused
{
    public const string Domain = "conversations.v1";

    /// <summary>Runs <paramref name="call"/>, asserts it fails with <paramref name="code"/> and <paramref name="reason"/> in our domain, and returns the ErrorInfo.</summary>
    public static async Task<ErrorInfo> With(StatusCode code, string reason, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, exception.StatusCode);
        var info = exception.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal(reason, info.Reason);
        Assert.Equal(Domain, info.Domain);
        return info;
    }
}
