using System.Collections.Immutable;
using Conversations.Abstractions.BusinessNumbers;

namespace Conversations.Api.Webhooks.Events;

/// <summary>An "account_update" ACCOUNT_RESTRICTION: the WABA's restrictions as of the entry's time; empty lifts them.</summary>
public sealed record AccountRestrictionsChanged(string? WabaId, ImmutableArray<AccountRestriction> Restrictions, DateTimeOffset? ReportedAt) : AccountEvent(WabaId)
{
    public override string Kind => "account_restriction";
}
