using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Conversations.Api.Tests;

/// <summary>What operators and tools see without knowing the contract: health and reflection.</summary>
[Collection(ApiCollection.Name)]
public sealed class ServiceSurfaceTests(ApiFactory api)
{
    [Fact]
    public async Task Health_check_is_SERVING_when_the_cluster_answers()
    {
        // Arrange
        var health = new Health.HealthClient(api.Channel);

        // Act
        var response = await health.CheckAsync(new HealthCheckRequest());

        // Assert
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_lists_the_four_conversations_services()
    {
        // Arrange
        var reflection = new ServerReflection.ServerReflectionClient(api.Channel);
        using var call = reflection.ServerReflectionInfo();

        // Act
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        // Assert
        Assert.Contains("conversations.v1.ConversationsService", services);
        Assert.Contains("conversations.v1.TemplatesService", services);
        Assert.Contains("conversations.v1.BusinessNumbersService", services);
        Assert.Contains("conversations.v1.UsageService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
