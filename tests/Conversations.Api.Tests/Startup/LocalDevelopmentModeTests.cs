using Microsoft.Extensions.Configuration;

namespace Conversations.Api.Tests.Startup;

/// <summary>Local development mode is the embedded cluster reachable from this machine only: no Redis, every endpoint on loopback.</summary>
public sealed class LocalDevelopmentModeTests
{
    [Theory]
    [InlineData("", "http://localhost:5000", true)]
    [InlineData("", "http://127.0.0.1:5000", true)]
    [InlineData("localhost:6379", "http://localhost:5000", false)]
    [InlineData("", "http://0.0.0.0:5000", false)]
    public void Applies_only_without_redis_and_with_every_endpoint_on_loopback(string redis, string grpcUrl, bool applies)
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Kestrel:Endpoints:Grpc:Url"] = grpcUrl,
            ["Kestrel:Endpoints:Http:Url"] = "http://localhost:5080",
        }).Build();

        // Act
        var local = LocalDevelopmentMode.Applies(configuration);

        // Assert
        Assert.Equal(applies, local);
    }
}
