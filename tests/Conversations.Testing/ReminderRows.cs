using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Conversations.Testing;

/// <summary>Reads reminders where Orleans keeps them, the reminder table every silo shares, not from what a grain reports.</summary>
public static class ReminderRows
{
    /// <summary>The conversation's expiry reminder; its name is stored in the reminder table, so it is pinned here.</summary>
    public const string ConversationExpiry = "window-expiry";

    public static async Task<bool> Exists(InProcessTestCluster cluster, string grainType, string grainKey, string reminderName)
    {
        var table = cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        return await table.ReadRow(GrainId.Create(grainType, grainKey), reminderName) is not null;
    }

    public static Task<bool> ConversationExpiryArmed(InProcessTestCluster cluster, string conversationKey) =>
        Exists(cluster, "conversation", conversationKey, ConversationExpiry);
}
