using System.Collections.Immutable;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Pricing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Conversations.Grains.Pricing;

/// <summary>
/// Prices and totals one business portfolio's messages of one UTC month (key "{waba id}/{yyyy-MM}"). One activation
/// prices every message of the portfolio in turn, so the 1,000th free service message and each volume tier boundary
/// fall exactly where they should, however many conversations send at once; each Charge returns only after its
/// update is stored, so a failover loses nothing a caller was told.
/// <para>
/// A broadcast makes this grain hot: every message of the portfolio passes through it. Accepted for now because a
/// charge is a few dictionary updates in memory, and concurrent charges share one storage write (below), so the cost
/// per message is a fraction of one write. Partitioning by market would split the hot spot but not the allowance,
/// which is per business number across markets; if a portfolio outgrows one activation, the next step is one ledger
/// per business number and market with the allowance counted by the business number's own ledger.
/// </para>
/// </summary>
[GrainType("usage-ledger")]
[Reentrant]
public sealed class UsageLedgerGrain(
    [PersistentState("usage", StorageNames.Conversations)] IPersistentState<UsageLedgerState> state,
    IOptions<ConversationOptions> options,
    ILogger<UsageLedgerGrain> logger)
    : Grain, IUsageLedgerGrain
{
    private readonly PricingOptions _options = options.Value.Pricing;
    private readonly Dictionary<(string, DateOnly, string, string, string, string), int> _rows = [];
    private MessagePricer _pricer = null!;
    private string _wabaId = "";
    private DateOnly _month;
    private Task _lastWrite = Task.CompletedTask;
    private Task? _queuedWrite;

    private UsageLedgerState Ledger => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_wabaId, _month) = UsageLedgerKey.Parse(this.GetPrimaryKeyString());
        _pricer = new MessagePricer(RateCard.Load(_options.RateCardPath), _options);
        for (var i = 0; i < Ledger.Totals.Count; i++)
        {
            _rows[Ledger.Totals[i].Key] = i;
        }

        return Task.CompletedTask;
    }

    // Reentrant: every method below changes state synchronously before its first await, so interleaved calls never
    // see half a charge, and only the storage writes overlap with other calls.
    public async Task<ChargeEstimate> Charge(ChargeRequest request, CancellationToken cancellationToken = default)
    {
        var day = DayInMonth(request.At, nameof(request.At));
        if (Ledger.Charged.TryGet(request.MessageId, out var earlier))
        {
            await Stored();
            return Replay(earlier);
        }

        var priced = _pricer.Price(request, Ledger.Counters);
        Ledger.Counters.Count(request.BusinessNumberId, priced);
        var estimate = priced.Estimate;
        var row = RowFor(request.BusinessNumberId, day, estimate);
        Ledger.Totals[row].Messages++;
        Ledger.Totals[row].EstimatedAmount += estimate.Amount;
        Ledger.Charged.Add(request.MessageId, row, estimate.Amount, _options.ChargeIdsRemembered);
        await Save();
        return estimate;
    }

    public Task<ChargeEstimate> Quote(ChargeRequest request, CancellationToken cancellationToken = default)
    {
        DayInMonth(request.At, nameof(request.At));
        return Task.FromResult(Ledger.Charged.TryGet(request.MessageId, out var earlier)
            ? Replay(earlier)
            : _pricer.Price(request, Ledger.Counters).Estimate);
    }

    public async Task RecordReported(ReportedCharge report, CancellationToken cancellationToken = default)
    {
        var day = DayInMonth(report.DeliveredAt, nameof(report.DeliveredAt));
        if (Ledger.Reported.TryGet(report.MessageId, out _))
        {
            await Stored();
            return;
        }

        var row = RowFor(report.BusinessNumberId, day, report.Estimate);
        var totals = Ledger.Totals[row];
        var reported = report.Reported;
        var key = $"{reported.Category}/{reported.Type}";
        totals.Delivered++;
        totals.Reported[key] = totals.Reported.GetValueOrDefault(key) + 1;
        if (!string.Equals(reported.Category, report.Estimate.Category, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(reported.Type, report.Estimate.PricingType, StringComparison.OrdinalIgnoreCase))
        {
            totals.Mismatches++;
            logger.LogWarning(
                "Meta charged message {MessageId} of {BusinessNumberId} as {ReportedCategory}/{ReportedType}; we estimated {EstimatedCategory}/{EstimatedType}",
                report.MessageId,
                report.BusinessNumberId,
                reported.Category,
                reported.Type,
                report.Estimate.Category,
                report.Estimate.PricingType);
        }

        Ledger.Reported.Add(report.MessageId, row, 0m, _options.ReportIdsRemembered);
        await Save();
    }

    public Task<UsageReport> Usage(UsageQuery query, CancellationToken cancellationToken = default)
    {
        var rows = Ledger.Totals
            .Where(t => query.BusinessNumberId is null || t.BusinessNumberId == query.BusinessNumberId)
            .GroupBy(t => (t.BusinessNumberId, Day: query.GroupByDay ? t.Day : (DateOnly?)null, t.Market, t.Category, t.PricingType, t.Currency))
            .Select(g => new UsageRow(
                g.Key.BusinessNumberId,
                g.Key.Day,
                g.Key.Market,
                g.Key.Category,
                g.Key.PricingType,
                g.Key.Currency,
                g.Sum(t => t.Messages),
                g.Sum(t => t.EstimatedAmount),
                g.Sum(t => t.Delivered),
                g.Sum(t => t.Mismatches),
                g.SelectMany(t => t.Reported)
                    .GroupBy(r => r.Key, StringComparer.Ordinal)
                    .ToImmutableDictionary(r => r.Key, r => r.Sum(x => x.Value), StringComparer.Ordinal)))
            .OrderBy(r => r.BusinessNumberId, StringComparer.Ordinal)
            .ThenBy(r => r.Day)
            .ThenBy(r => r.Market, StringComparer.Ordinal)
            .ThenBy(r => r.Category, StringComparer.Ordinal)
            .ThenBy(r => r.PricingType, StringComparer.Ordinal)
            .ThenBy(r => r.Currency, StringComparer.Ordinal)
            .ToImmutableArray();
        return Task.FromResult(new UsageReport(_wabaId, _month, rows));
    }

    /// <summary>The UTC day of <paramref name="at"/>, which must fall in this ledger's month: callers key the ledger by it.</summary>
    private DateOnly DayInMonth(DateTimeOffset at, string field)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (day.Year != _month.Year || day.Month != _month.Month)
        {
            throw new ArgumentOutOfRangeException(
                field,
                at,
                $"{field} {at:O} is outside this ledger's month {_month:yyyy-MM}; use the ledger {UsageLedgerKey.Of(_wabaId, at)}.");
        }

        return day;
    }

    private ChargeEstimate Replay(RememberedMessage earlier)
    {
        var row = Ledger.Totals[earlier.Row];
        return new ChargeEstimate(row.Category, row.PricingType, earlier.Amount, row.Currency, row.Market, _pricer.ModelOn(row.Day));
    }

    private int RowFor(string businessNumberId, DateOnly day, ChargeEstimate estimate)
    {
        var key = (businessNumberId, day, estimate.Market, estimate.Category, estimate.PricingType, estimate.Currency);
        if (!_rows.TryGetValue(key, out var row))
        {
            row = Ledger.Totals.Count;
            Ledger.Totals.Add(new UsageTotals
            {
                BusinessNumberId = businessNumberId,
                Day = day,
                Market = estimate.Market,
                Category = estimate.Category,
                PricingType = estimate.PricingType,
                Currency = estimate.Currency,
            });
            _rows[key] = row;
        }

        return row;
    }

    /// <summary>
    /// Stores the state with every change made so far. Calls that arrive while a write is in flight share the next one
    /// (as the Chirper sample coalesces writes), so a broadcast costs one write per batch, not per message. The memory
    /// and Redis providers serialize the state before their first await, so later changes never leak into a write
    /// half-way. A failed write fails its callers; their changes stay in memory and go out with the next write, and a
    /// retry of the same message id is answered from memory, so a retry never counts a message twice. No caller's
    /// cancellation token cancels a write that carries other callers' changes.
    /// </summary>
    private Task Save() => _queuedWrite ??= WriteAfter(_lastWrite);

    /// <summary>Waits until the changes made so far are stored (for a retry that arrives while its first write is in flight).</summary>
    private Task Stored() => _queuedWrite ?? (_lastWrite.IsFaulted || _lastWrite.IsCanceled ? Save() : _lastWrite);

    private async Task WriteAfter(Task previous)
    {
        // Yield first: Save must publish this task in _queuedWrite before it is cleared below.
        await Task.Yield();
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // That write's callers saw its failure; this write stores their changes again.
        }

        _queuedWrite = null;
        var write = state.WriteStateAsync();
        _lastWrite = write;
        await write;
    }
}
