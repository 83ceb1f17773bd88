using Google.Protobuf;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests;

/// <summary>
/// One grpcurl call of the README made the way grpcurl makes it: the proto3 JSON body parsed against the contract's
/// descriptors, the unary method named <c>package.Service/Method</c>, the <c>-H</c> headers sent as metadata.
/// </summary>
public static class ReadmeGrpcCall
{
    /// <summary>The call's status code and, when refused, its <c>ErrorInfo</c> reason.</summary>
    public static async Task<(StatusCode Code, string? Reason)> Invoke(CallInvoker invoker, string fullMethod, string json, Metadata? headers = null)
    {
        var (serviceName, methodName) = (fullMethod.Split('/')[0], fullMethod.Split('/')[1]);
        var service = V1.ConversationsReflection.Descriptor.Services.Single(s => s.FullName == serviceName);
        var method = service.FindMethodByName(methodName) ?? throw new InvalidOperationException($"No method {fullMethod}.");
        var request = JsonParser.Default.Parse(json, method.InputType);
        var grpcMethod = new Method<IMessage, IMessage>(
            MethodType.Unary,
            serviceName,
            methodName,
            Marshallers.Create(m => m.ToByteArray(), method.InputType.Parser.ParseFrom),
            Marshallers.Create(m => m.ToByteArray(), method.OutputType.Parser.ParseFrom));
        try
        {
            await invoker.AsyncUnaryCall(grpcMethod, null, new CallOptions(headers, DateTime.UtcNow.AddSeconds(10)), request);
            return (StatusCode.OK, null);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, e.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
        }
    }

    /// <summary>grpcurl's <c>-H "name: value"</c> arguments as metadata.</summary>
    public static Metadata Headers(IReadOnlyList<string> args)
    {
        var headers = new Metadata();
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == "-H")
            {
                var (name, value) = (args[i + 1].Split(':', 2)[0].Trim(), args[i + 1].Split(':', 2)[1].Trim());
                headers.Add(name.ToLowerInvariant(), value);
            }
        }

        return headers;
    }
}
