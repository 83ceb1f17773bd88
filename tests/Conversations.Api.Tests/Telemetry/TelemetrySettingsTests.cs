using Conversations.Hosting.Telemetry;
using Microsoft.Extensions.Configuration;

namespace Conversations.Api.Tests.Telemetry;

/// <summary>Telemetry is off unless configured, the standard OTLP variable switches traces on, and a bad setting stops the start.</summary>
public sealed class TelemetrySettingsTests
{
    [Fact]
    public void Without_settings_traces_are_off_and_metrics_on_without_export()
    {
        var settings = Read([]);

        Assert.False(settings.Traces);
        Assert.True(settings.Metrics);
        Assert.Null(settings.OtlpEndpoint);
    }

    [Fact]
    public void The_standard_OTLP_endpoint_variable_switches_traces_on_and_names_the_export()
    {
        var settings = Read(new() { [TelemetryOptions.OtlpEndpointVariable] = "http://collector:4317" });

        Assert.True(settings.Traces);
        Assert.Equal(new Uri("http://collector:4317"), settings.OtlpEndpoint);
    }

    [Fact]
    public void The_Conversations_setting_wins_over_the_variable_and_traces_can_stay_off()
    {
        var settings = Read(new()
        {
            [TelemetryOptions.OtlpEndpointVariable] = "http://collector:4317",
            ["Conversations:Telemetry:OtlpEndpoint"] = "http://other:4318",
            ["Conversations:Telemetry:Traces"] = "false",
        });

        Assert.False(settings.Traces);
        Assert.Equal(new Uri("http://other:4318"), settings.OtlpEndpoint);
    }

    [Theory]
    [InlineData("Conversations:Telemetry:TraceSampleRatio", "1.5")]
    [InlineData("Conversations:Telemetry:OtlpEndpoint", "collector:4317 please")]
    public void A_bad_setting_fails_at_start_naming_it(string key, string value)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Read(new() { [key] = value }));

        Assert.Contains(key.Split(':')[^1], failure.Message, StringComparison.Ordinal);
    }

    private static TelemetrySettings Read(Dictionary<string, string?> values) =>
        TelemetrySettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}
