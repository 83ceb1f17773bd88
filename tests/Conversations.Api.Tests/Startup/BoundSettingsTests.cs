using Conversations.Api.Tests.Auth;

namespace Conversations.Api.Tests.Startup;

/// <summary>The bounds on streams and event feeds are checked at start: a bound that bounds nothing stops the api, naming it.</summary>
public sealed class BoundSettingsTests
{
    public static TheoryData<string, string, string> Invalid => new()
    {
        { "Conversations:Events:RetainedBytes", "0", "Conversations:Events:RetainedBytes must be between 1 and" },
        { "Conversations:Events:RetainedBytes", "1073741825", "Conversations:Events:RetainedBytes must be between 1 and" },
        { "Conversations:Events:MaxReplayEvents", "0", "Conversations:Events:MaxReplayEvents must be positive" },
        { "Conversations:Streaming:MaxSubscriptionsPerCaller", "0", "Conversations:Streaming:MaxSubscriptionsPerCaller must be positive" },
        { "Conversations:Streaming:MaxSubscriptionsPerCaller", "5001", "at most Conversations:Streaming:MaxSubscriptions" },
        { "Conversations:Streaming:MaxSendStreamsPerCaller", "0", "Conversations:Streaming:MaxSendStreamsPerCaller must be positive" },
        { "Conversations:Streaming:MaxSendStreams", "31", "at most Conversations:Streaming:MaxSendStreams" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_bound_stops_the_api_at_start_naming_it(string key, string value, string named)
    {
        // Arrange
        using var api = new ConfiguredApiFactory(new Dictionary<string, string> { [key] = value });

        // Act
        var failure = Record.Exception(() => api.Server);

        // Assert
        Assert.NotNull(failure);
        Assert.Contains(named, failure.ToString(), StringComparison.Ordinal);
    }
}
