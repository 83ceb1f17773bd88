namespace Conversations.Abstractions.BusinessNumbers;

/// <summary>ban_info.waba_ban_state of Meta's account_update DISABLED_UPDATE. Persisted: never renumber.</summary>
[GenerateSerializer]
[Alias("waba-ban-state")]
public enum WabaBanState
{
    /// <summary>Never banned, or REINSTATE.</summary>
    None = 0,
    ScheduleForDisable = 1,
    Disable = 2,
}
