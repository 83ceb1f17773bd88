using Conversations.Meta.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Meta.Tests;

/// <summary>The strict simulator's settings are checked at start-up: a limit of nothing, or a review outcome Meta has not, names its setting.</summary>
public sealed class SimulatorOptionsTests
{
    [Theory]
    [InlineData("DefaultThroughputPerSecond", "0", "DefaultThroughputPerSecond")]
    [InlineData("Numbers:106540352242922:ThroughputPerSecond", "0", "ThroughputPerSecond")]
    [InlineData("PairRateBurst", "0", "PairRateBurst")]
    [InlineData("PairRateInterval", "00:00:00", "PairRateInterval")]
    [InlineData("TemplateReviewDelay", "-00:00:01", "TemplateReviewDelay")]
    [InlineData("TemplateReviewOutcome", "MAYBE", "TemplateReviewOutcome")]
    public void A_bad_setting_fails_at_start_naming_it(string key, string value, string named)
    {
        using var services = Services(new() { [$"{MetaSimulatorOptions.Section}:{key}"] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MetaSimulatorOptions>>().Value);

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metas_own_limits_are_the_defaults_and_a_number_can_be_given_the_upgrade()
    {
        using var services = Services(new() { [$"{MetaSimulatorOptions.Section}:Numbers:106540352242922:ThroughputPerSecond"] = "1000" });

        var options = services.GetRequiredService<IOptions<MetaSimulatorOptions>>().Value;

        Assert.Equal((80, 45, TimeSpan.FromSeconds(6), "US"), (options.DefaultThroughputPerSecond, options.PairRateBurst, options.PairRateInterval, options.MarketingUndeliveredRegions));
        Assert.Equal(1000, options.Numbers["106540352242922"].ThroughputPerSecond);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetaSimulator(configuration);
        return services.BuildServiceProvider();
    }
}
