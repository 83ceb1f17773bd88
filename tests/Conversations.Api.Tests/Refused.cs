using Google.Rpc;
using Grpc.Core;

namespace Conversations.Api.Tests;

/// <summary>Reads a refusal the way a client does: the status code plus the google.rpc.ErrorInfo packed in its details.</summary>
public static class Refused
{
    public const string Domain = "conversations.v1";

    public static (StatusCode Code, ErrorInfo Info) Decode(RpcException exception)
    {
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)exception.StatusCode, status.Code);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        return (exception.StatusCode, info);
    }

    /// <summary>Runs <paramref name="call"/>, asserts it fails with <paramref name="code"/> and <paramref name="reason"/> in our domain, and returns the ErrorInfo for metadata checks.</summary>
    public static async Task<ErrorInfo> With(StatusCode code, string reason, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        var (actual, info) = Decode(exception);
        Assert.Equal(code, actual);
        Assert.Equal(reason, info.Reason);
        Assert.Equal(Domain, info.Domain);
        return info;
    }
}
