using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversations.Hosting;

/// <summary>Says at start-up whether state survives a restart, so nobody runs the embedded mode in production by accident.</summary>
public sealed class StorageModeAnnouncement(ClusterStorage storage, ILogger<StorageModeAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.IsDurable)
        {
            logger.LogInformation("Conversation state, reminders and membership are stored in Redis.");
        }
        else
        {
            logger.LogWarning(
                "Embedded mode: conversation state and reminders are kept in memory and are NOT durable; they are lost when this process stops. Set ConnectionStrings__Redis for durable state.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
