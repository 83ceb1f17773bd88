using Conversations.Abstractions.BusinessNumbers;

namespace Conversations.Grains.Signals;

[GenerateSerializer]
[Alias("account-signals-state")]
public sealed class AccountSignalsState
{
    /// <summary>What account_update last said; null means in good standing.</summary>
    [Id(0)] public AccountStanding? Standing { get; set; }

    /// <summary>The entry time of the restrictions applied, so an older report redelivered later changes nothing.</summary>
    [Id(1)] public DateTimeOffset? RestrictionsReportedAt { get; set; }

    /// <summary>The entry time of the ban applied, likewise.</summary>
    [Id(2)] public DateTimeOffset? BanReportedAt { get; set; }
}
