using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Conversations.Testing;

/// <summary>Reads reminders where Orleans keeps them, the reminder table every silo shares, not from what a grain reports.</summary>
public static class ReminderRows
{
    /// <summary>The conversation's expiry reminder; its name is stored in the reminder table, so it is pinned here.</summary>
    public const string ConversationExpiry = "window-expiry";

    /// <summary>Reads through a silo's services: a test cluster's silo, or a host the silo runs in.</summary>
    public static async Task<bool> Exists(IServiceProvider silo, string grainType, string grainKey, string reminderName) =>
        await silo.GetRequiredService<IReminderTable>().ReadRow(GrainId.Create(grainType, grainKey), reminderName) is not null;

    public static Task<bool> ConversationExpiryArmed(IServiceProvider silo, string conversationKey) =>
        Exists(silo, "conversation", conversationKey, ConversationExpiry);

    public static Task<bool> ConversationExpiryArmed(InProcessTestCluster cluster, string conversationKey) =>
        ConversationExpiryArmed(cluster.Silos[0].ServiceProvider, conversationKey);
}
