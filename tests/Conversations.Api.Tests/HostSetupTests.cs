using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Conversations.Api.Tests;

/// <summary>Checks the test host itself, so a wrong setup fails here rather than as a confusing domain failure.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostSetupTests(ApiFactory api)
{
    [Fact]
    public void Embedded_silo_listens_on_the_ports_the_test_chose()
    {
        // Arrange
        _ = api.Server;

        // Act
        var endpoints = api.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

        // Assert
        Assert.Equal(api.SiloPort, endpoints.SiloPort);
        Assert.Equal(api.GatewayPort, endpoints.GatewayPort);
    }

    [Fact]
    public void Grains_read_the_fake_clock()
    {
        // Arrange
        _ = api.Server;

        // Act
        var clock = api.Services.GetRequiredService<TimeProvider>();

        // Assert
        Assert.Same(api.Clock, clock);
    }
}
