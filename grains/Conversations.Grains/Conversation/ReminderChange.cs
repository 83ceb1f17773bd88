namespace Conversations.Grains.Conversation;

/// <summary>A reminder the grain must register to tick at <see cref="DueAt"/>, or unregister when it is null.</summary>
public sealed record ReminderChange(string Name, DateTimeOffset? DueAt)
{
    /// <summary>Records the window's close and announces "closing soon"; the name is stored in the reminder table.</summary>
    public const string Expiry = "window-expiry";

    /// <summary>Decides scheduled sends when they fall due; the name is stored in the reminder table.</summary>
    public const string ScheduledSends = "scheduled-sends";

    public static ReminderChange Register(string name, DateTimeOffset dueAt) => new(name, dueAt);

    public static ReminderChange Unregister(string name) => new(name, null);
}
