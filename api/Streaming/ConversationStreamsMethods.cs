using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Streaming;

/// <summary>
/// Routes only Subscribe and StreamSends to <see cref="ConversationStreams"/>, with the generated method definitions
/// (and so the generated marshallers) that the generated binder hands out.
/// </summary>
internal sealed class ConversationStreamsMethods : IServiceMethodProvider<ConversationStreams>
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<ConversationStreams> context) =>
        V1.ConversationsService.BindService(new StreamingMethodBinder(context), null);

    private sealed class StreamingMethodBinder(ServiceMethodProviderContext<ConversationStreams> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            if (method is Method<V1.SubscribeRequest, V1.SubscribeResponse> subscribe)
            {
                context.AddServerStreamingMethod(subscribe, Metadata(), (service, request, responses, call) => service.Subscribe(request, responses, call));
            }
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            if (method is Method<V1.StreamSendsRequest, V1.StreamSendsResponse> streamSends)
            {
                context.AddDuplexStreamingMethod(streamSends, Metadata(), (service, requests, responses, call) => service.StreamSends(requests, responses, call));
            }
        }

        // The unary methods are ConversationsService's; the base binder throws for any overload not overridden.
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
        }

        // What grpc-dotnet's own binder attaches: gRPC is POST only.
        private static List<object> Metadata() => [new HttpMethodMetadata(["POST"], acceptCorsPreflight: true)];
    }
}
