using Conversations.Grains.Events;
using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Api.Streaming;

public static class StreamingServices
{
    public static IServiceCollection AddConversationStreams(this IServiceCollection services)
    {
        services.AddOptions<StreamingOptions>()
            .BindConfiguration(StreamingOptions.Section)
            .Validate(o => o.MaxSendsInFlight > 0, "Conversations:Streaming:MaxSendsInFlight must be positive.")
            .Validate(o => o.OutcomeBuffer > 0, "Conversations:Streaming:OutcomeBuffer must be positive.")
            .Validate(o => o.MaxSubscriptionsPerCaller > 0 && o.MaxSubscriptionsPerCaller <= o.MaxSubscriptions, "Conversations:Streaming:MaxSubscriptionsPerCaller must be positive and at most Conversations:Streaming:MaxSubscriptions.")
            .Validate(o => o.MaxSendStreamsPerCaller > 0 && o.MaxSendStreamsPerCaller <= o.MaxSendStreams, "Conversations:Streaming:MaxSendStreamsPerCaller must be positive and at most Conversations:Streaming:MaxSendStreams.")
            .ValidateOnStart();
        services.AddConversationEventFeeds();
        services.TryAddSingleton<SendStreams>();
        services.TryAddSingleton<StreamCaps>();
        services.TryAddSingleton<StreamMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceMethodProvider<ConversationStreams>, ConversationStreamsMethods>());
        return services;
    }

    public static IEndpointRouteBuilder MapConversationStreams(this IEndpointRouteBuilder app)
    {
        // ConversationsService's generated base routes these two methods too, to "unimplemented": these routes win.
        app.MapGrpcService<ConversationStreams>().WithOrder(-1);
        return app;
    }
}
