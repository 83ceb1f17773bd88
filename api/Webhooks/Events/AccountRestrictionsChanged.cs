using System.Collections.Immutable;
using Conversations.Abstractions.BusinessNumbers;

namespace Conversations.Api.Webhooks.Events;

/// <summary>An "account_update" ACCOUNT_RESTRICTION: the WABA's restrictions now; empty lifts them.</summary>
public sealed record AccountRestrictionsChanged(string? WabaId, ImmutableArray<AccountRestriction> Restrictions) : AccountEvent(WabaId)
{
    public override string Kind => "account_restriction";
}
