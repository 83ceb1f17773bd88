using Conversations.Api.Tests.Auth;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using static Conversations.Api.Tests.Startup.ProductionSettings;

namespace Conversations.Api.Tests.Startup;

/// <summary>
/// Server reflection hands the whole contract to whoever connects: served in development and in local development mode
/// (the README's grpcurl walkthrough), off where others can connect unless Conversations:Api:Reflection says otherwise.
/// </summary>
public sealed class ReflectionTests
{
    /// <summary>How a deployment looks to the api: Production, listening on every interface (the test server ignores the URL).</summary>
    private static Dictionary<string, string> Deployed(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["Kestrel:Endpoints:Grpc:Url"] = "http://0.0.0.0:5000" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task A_deployed_api_serves_no_reflection()
    {
        // Arrange
        using var api = new ConfiguredApiFactory(InProduction(Deployed()));

        // Act
        var failure = await Assert.ThrowsAsync<RpcException>(() => ListServices(api));

        // Assert
        Assert.Equal(StatusCode.Unimplemented, failure.StatusCode);
    }

    [Fact]
    public async Task A_deployed_api_serves_reflection_when_the_setting_asks_for_it()
    {
        // Arrange
        using var api = new ConfiguredApiFactory(InProduction(Deployed(("Conversations:Api:Reflection", "true"))));

        // Act
        var services = await ListServices(api);

        // Assert
        Assert.Contains("conversations.v1.ConversationsService", services);
    }

    [Fact]
    public async Task The_local_development_mode_serves_reflection_in_the_default_environment_as_the_README_uses_it()
    {
        // Arrange: appsettings.json's loopback endpoints and no Redis, as `dotnet run --project api` starts.
        using var api = new ConfiguredApiFactory(InProduction(new Dictionary<string, string>()));

        // Act
        var services = await ListServices(api);

        // Assert
        Assert.Contains("conversations.v1.ConversationsService", services);
    }

    private static async Task<List<string>> ListServices(ApiFactory api)
    {
        var reflection = new ServerReflection.ServerReflectionClient(api.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return [.. call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name)];
    }
}
