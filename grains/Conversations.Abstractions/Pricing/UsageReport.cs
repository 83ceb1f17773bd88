using System.Collections.Immutable;

namespace Conversations.Abstractions.Pricing;

/// <summary>The usage of one business portfolio in one UTC month, as rows of totals.</summary>
[GenerateSerializer, Immutable]
[Alias("usage-report")]
public sealed record UsageReport(
    [property: Id(0)] string WabaId,
    [property: Id(1)] DateOnly Month,
    [property: Id(2)] ImmutableArray<UsageRow> Rows);
