using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Conversations.Api.Errors;

/// <summary>Hands every refused unary call to the <see cref="RefusalLog"/>; the exception goes on to the caller unchanged.</summary>
public sealed class RefusalLogInterceptor(RefusalLog refusals) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException e)
        {
            refusals.Refused(context.Method, e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? e.StatusCode.ToString());
            throw;
        }
    }
}
