namespace Conversations.Grains.Conversation;

/// <summary>Performs a <see cref="ReminderChange"/> on a grain's reminders: the Orleans side of what the model decided.</summary>
internal static class GrainReminders
{
    /// <summary>Due times are measured from the clock at registration, not from the step's start: the clock may have moved during the awaits.</summary>
    public static async Task Apply(this Grain grain, IEnumerable<ReminderChange> changes, Func<string, TimeSpan> periodOf, TimeProvider time)
    {
        foreach (var change in changes)
        {
            if (change.DueAt is { } dueAt)
            {
                var now = time.GetUtcNow();
                await grain.RegisterOrUpdateReminder(change.Name, dueAt > now ? dueAt - now : TimeSpan.Zero, periodOf(change.Name));
            }
            else if (await grain.GetReminder(change.Name) is { } registered)
            {
                await grain.UnregisterReminder(registered);
            }
        }
    }

    public static async Task<bool> Has(this Grain grain, string name) => await grain.GetReminder(name) is not null;
}
