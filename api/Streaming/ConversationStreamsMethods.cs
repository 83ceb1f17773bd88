using Conversations.Auth;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
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
                context.AddServerStreamingMethod(subscribe, Metadata(Scopes.Read), (service, request, responses, call) => service.Subscribe(request, responses, call));
            }
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            if (method is Method<V1.StreamSendsRequest, V1.StreamSendsResponse> streamSends)
            {
                context.AddDuplexStreamingMethod(streamSends, Metadata(Scopes.Send), (service, requests, responses, call) => service.StreamSends(requests, responses, call));
            }
        }

        // The unary methods are ConversationsService's; the base binder throws for any overload not overridden.
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
        }

        // What grpc-dotnet's own binder attaches (gRPC is POST only), and the method's scope, as [Authorize] gives a unary method.
        private static List<object> Metadata(string scope) => [new HttpMethodMetadata(["POST"], acceptCorsPreflight: true), new AuthorizeAttribute(scope)];
    }
}
