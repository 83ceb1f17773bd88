using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Meta.Simulator;

/// <summary>Runs the <see cref="MetaSimulator"/> for the lifetime of the host that registered it.</summary>
public sealed class MetaSimulatorService(
    IOptions<MetaSimulatorOptions> options,
    ILoggerFactory loggerFactory,
    TimeProvider? clock = null) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<MetaSimulatorService>();

    /// <summary>The running simulator; null before start, or when its address was taken.</summary>
    public MetaSimulator? Simulator { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.AppSecret))
        {
            _logger.LogWarning("Meta simulator: Conversations:Webhooks:AppSecret is empty; its webhooks are signed with an empty key.");
        }

        try
        {
            Simulator = await MetaSimulator.Start(settings, loggerFactory, clock, cancellationToken);
        }
        catch (IOException e)
        {
            // Most often another local api already runs a simulator there. Failing the whole host for a dev convenience
            // would be worse than sends failing to connect, which the log line below explains.
            _logger.LogError(
                "The local Meta simulator could not listen on {Url}: {Error}. Sends will reach whatever listens there, or fail to connect; set Conversations:Meta:Simulator:Url to a free address.",
                settings.Url,
                e.Message);
            return;
        }

        _logger.LogWarning(
            "Local Meta simulator listening on {Url}: WhatsApp messages are NOT sent to Meta. Status webhooks go to {WebhookUrl}; POST {Url}simulator/inbound makes a customer write.",
            Simulator.BaseAddress,
            settings.WebhookUrl,
            Simulator.BaseAddress);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Simulator is { } simulator)
        {
            Simulator = null;
            await simulator.DisposeAsync();
        }
    }
}
