using System.Collections.Immutable;
using Conversations.Abstractions.Pricing;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Pricing;

/// <summary>
/// One business portfolio's month of usage (key "{waba id}/{yyyy-MM}") over an <see cref="IUsageLedgerStore"/>: it
/// prices with <see cref="MessagePricer"/> and leaves counting to the store, one atomic step per charge, so any number
/// of callers on any silo charge the same month at once and the n-th message of an ordinal is still priced as the n-th.
/// Charge and report ids are scoped by portfolio, not month: a charge retried at a time in the next month (a
/// conversation retries at the message's decision time) is answered from the first one rather than counted again.
/// </summary>
public sealed class UsageLedger
{
    private readonly string _key;
    private readonly string _wabaId;
    private readonly DateOnly _month;
    private readonly MessagePricer _pricer;
    private readonly IUsageLedgerStore _store;
    private readonly ILogger _logger;

    public UsageLedger(string key, MessagePricer pricer, IUsageLedgerStore store, ILogger logger)
    {
        (_wabaId, _month) = UsageLedgerKey.Parse(key);
        _key = key;
        _pricer = pricer;
        _store = store;
        _logger = logger;
    }

    public async Task<ChargeEstimate> Charge(ChargeRequest request, CancellationToken cancellationToken)
    {
        var day = Check(request);
        var plan = _pricer.Plan(request);
        var bands = plan.Bands.Select(b => new OrdinalBand(b.Through, UsageFields.Charged(request.BusinessNumberId, day, b.Estimate))).ToArray();
        var field = await _store.Charge(_key, MessageKey(request.MessageId), plan.Ordinal, bands, cancellationToken);
        return UsageFields.EstimateOf(field, _pricer.ModelOn);
    }

    /// <summary>What <see cref="Charge"/> would answer now: the first estimate of a charged id, else the next ordinal's price.</summary>
    public async Task<ChargeEstimate> Quote(ChargeRequest request, CancellationToken cancellationToken)
    {
        Check(request);
        var plan = _pricer.Plan(request);
        var found = await _store.Look(_key, MessageKey(request.MessageId), plan.Ordinal, cancellationToken);
        return found.ChargedField is { } field ? UsageFields.EstimateOf(field, _pricer.ModelOn) : plan.EstimateAt(found.Ordinal + 1);
    }

    public async Task RecordReported(ReportedCharge report, CancellationToken cancellationToken)
    {
        RequireId(report.BusinessNumberId, nameof(report.BusinessNumberId));
        RequireId(report.MessageId, nameof(report.MessageId));
        var day = DayInMonth(report.DeliveredAt, nameof(report.DeliveredAt));
        var (estimate, reported) = (report.Estimate, report.Reported);
        var mismatched = !string.Equals(reported.Category, estimate.Category, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(reported.Type, estimate.PricingType, StringComparison.OrdinalIgnoreCase);
        List<string> fields =
        [
            UsageFields.Delivered(report.BusinessNumberId, day, estimate),
            UsageFields.Reported(report.BusinessNumberId, day, estimate, $"{reported.Category}/{reported.Type}"),
        ];
        if (mismatched)
        {
            fields.Add(UsageFields.Mismatched(report.BusinessNumberId, day, estimate));
        }

        if (await _store.Report(_key, MessageKey(report.MessageId), fields, cancellationToken) && mismatched)
        {
            _logger.LogWarning(
                "Meta charged message {MessageId} of {BusinessNumberId} as {ReportedCategory}/{ReportedType}; we estimated {EstimatedCategory}/{EstimatedType}",
                report.MessageId,
                report.BusinessNumberId,
                reported.Category,
                reported.Type,
                estimate.Category,
                estimate.PricingType);
        }
    }

    public async Task<UsageReport> Usage(UsageQuery query, CancellationToken cancellationToken)
    {
        var rows = UsageFields.Rows(await _store.Totals(_key, cancellationToken))
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
        return new UsageReport(_wabaId, _month, rows);
    }

    /// <summary>Forgets the markers of these message ids: charge and report ids are scoped by portfolio, so any month's ledger reaches them.</summary>
    public Task<int> Forget(IEnumerable<string> messageIds, CancellationToken cancellationToken) =>
        _store.Forget([.. messageIds.Select(MessageKey)], cancellationToken);

    /// <summary>The day a charge request is counted on, once its ids and time are fit to count.</summary>
    private DateOnly Check(ChargeRequest request)
    {
        RequireId(request.BusinessNumberId, nameof(request.BusinessNumberId));
        RequireId(request.MessageId, nameof(request.MessageId));
        return DayInMonth(request.At, nameof(request.At));
    }

    /// <summary>A message id names a store marker and a business number id a totals row: neither may be blank.</summary>
    private static void RequireId(string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException($"{field} is required to count usage.", field);
        }
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

    private string MessageKey(string messageId) => $"{_wabaId}/{messageId}";
}
