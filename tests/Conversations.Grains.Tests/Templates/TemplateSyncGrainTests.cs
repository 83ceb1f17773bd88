using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Templates;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Conversations.Grains.Tests.Templates;

/// <summary>A WABA synced once with Meta is synced again every Conversations:TemplateSyncInterval, by a reminder on the fake clock.</summary>
public sealed class TemplateSyncGrainTests : IAsyncLifetime
{
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly ScriptedWhatsAppTemplates _meta = new();
    private readonly ReminderTicks _ticks = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await InMemoryCluster.Start(
        _clock,
        settings: new Dictionary<string, string?> { ["Conversations:TemplateSyncInterval"] = "00:05:00" },
        configureSilo: silo =>
        {
            silo.Services.AddSingleton<IWhatsAppTemplates>(_meta);
            silo.AddIncomingGrainCallFilter(_ticks.Invoke);
        });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task After_the_first_sync_the_interval_brings_Metas_changes_into_the_registry_without_a_call()
    {
        // Arrange
        var waba = TestNumbers.WabaId();
        var sync = _cluster.Client.GetGrain<ITemplateSyncGrain>(waba);
        _meta.Hold(waba, new TemplateDraft("order_update", "en_US", TemplateCategory.Utility, TemplateStatus.Pending, "Your order {{1}} has shipped"));
        var first = await sync.Sync();
        _meta.Hold(waba, new TemplateDraft("order_update", "en_US", TemplateCategory.Utility, TemplateStatus.Approved, "Your order {{1}} has shipped"));

        // Act
        var ticked = _ticks.Next(sync.GetGrainId(), TemplateSyncGrain.ReminderName);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await ticked.WaitAsync(TimeSpan.FromSeconds(20));

        // Assert
        Assert.Equal(1, first.Value!.Added);
        var template = Assert.Single(await _cluster.Client.GetGrain<ITemplateRegistryGrain>(waba).List());
        Assert.Equal(TemplateStatus.Approved, template.Status);
        Assert.Equal(2, _meta.Lists);
    }

    [Theory]
    [InlineData("00:00:00", true)]
    [InlineData("00:01:00", true)]
    [InlineData("00:00:30", false)]
    public void The_interval_is_off_or_at_least_a_minute(string interval, bool valid)
    {
        var result = new TemplateSyncOptionsValidator().Validate(null, new ConversationOptions { TemplateSyncInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(valid, result.Succeeded);
    }
}
