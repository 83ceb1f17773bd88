using Conversations.Abstractions.BusinessNumbers;

namespace Conversations.Grains.Signals;

[GenerateSerializer]
[Alias("account-signals-state")]
public sealed class AccountSignalsState
{
    /// <summary>What account_update last said; null means in good standing.</summary>
    [Id(0)] public AccountStanding? Standing { get; set; }
}
