using Conversations.Abstractions.BusinessNumbers;

namespace Conversations.Api.Webhooks.Events;

/// <summary>An "account_update" DISABLED_UPDATE: the WABA disabled, scheduled for it (from <see cref="BanDate"/>) or reinstated.</summary>
public sealed record AccountBanChanged(string? WabaId, WabaBanState Ban, DateTimeOffset? BanDate, DateTimeOffset? ReportedAt) : AccountEvent(WabaId)
{
    public override string Kind => "account_ban";
}
