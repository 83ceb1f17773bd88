using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Conversations.Grains.Pricing;

/// <summary>
/// Meta's prices as a dated table: the price of a message is the row in force on its date (the latest effective_from
/// on or before it) for the customer's market and the category. Markets the card does not list pay the "ROW" (rest of
/// world) rows; a market listed without a row for some category pays that category's ROW row. A date before the
/// card's first row is priced with the earliest row, the way the whole card prices pre-PMP dates as PMP 2025.
/// </summary>
public sealed class RateCard
{
    public const string RestOfWorld = "ROW";

    private const string EmbeddedName = "Conversations.Grains.Pricing.rate-card.json";

    private static readonly ConcurrentDictionary<string, RateCard> s_loaded = new(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Rows by (market, category), ascending by effective date.</summary>
    private readonly Dictionary<(string Market, string Category), ImmutableArray<RateCardRow>> _rows;

    private readonly HashSet<string> _markets;

    private RateCard(ImmutableArray<RateCardRow> rows, string note)
    {
        Rows = rows;
        Note = note;
        _rows = rows
            .GroupBy(r => (r.Market, r.Category))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.EffectiveFrom).ToImmutableArray());
        _markets = rows.Select(r => r.Market).ToHashSet(StringComparer.Ordinal);
    }

    public ImmutableArray<RateCardRow> Rows { get; }

    /// <summary>Where the prices come from; the shipped card says its rates are illustrative.</summary>
    public string Note { get; }

    /// <summary>The market a region is priced as: itself when the card lists it, otherwise rest of world.</summary>
    public string MarketOf(string region) => _markets.Contains(region) ? region : RestOfWorld;

    /// <summary>The row pricing <paramref name="category"/> in <paramref name="market"/> on <paramref name="date"/>.</summary>
    public RateCardRow Find(string market, string category, DateOnly date) =>
        InForce(market, category, date)
        ?? InForce(RestOfWorld, category, date)
        ?? Earliest(market, category)
        ?? Earliest(RestOfWorld, category)
        ?? throw new InvalidOperationException($"The rate card has no {RestOfWorld} row for '{category}'.");

    /// <summary>The card at <paramref name="path"/>, or the embedded one when it is empty; each is read once per process.</summary>
    public static RateCard Load(string? path) =>
        s_loaded.GetOrAdd(string.IsNullOrWhiteSpace(path) ? "" : Path.GetFullPath(path), static full =>
            full.Length == 0 ? Parse(ReadEmbedded(), "embedded rate-card.json") : Parse(File.ReadAllText(full), full));

    /// <summary>Reads and checks a card; throws <see cref="InvalidDataException"/> naming the first problem.</summary>
    public static RateCard Parse(string json, string source = "rate card")
    {
        RateCardFile file;
        try
        {
            file = JsonSerializer.Deserialize<RateCardFile>(json, s_json) ?? throw new InvalidDataException($"{source} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not a valid rate card: {e.Message}", e);
        }

        var rows = ImmutableArray.CreateBuilder<RateCardRow>();
        foreach (var (data, i) in (file.Rows ?? []).Select((r, i) => (r, i)))
        {
            rows.Add(Check(data, $"{source} row {i}"));
        }

        var duplicate = rows.GroupBy(r => (r.EffectiveFrom, r.Market, r.Category)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{source} has two rows for {duplicate.Key.Market} {duplicate.Key.Category} from {duplicate.Key.EffectiveFrom:yyyy-MM-dd}.");
        }

        // Every message must find a price: rest of world prices what no market row covers.
        var missing = PricingCategories.Carded.Where(c => !rows.Any(r => r.Market == RestOfWorld && r.Category == c)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{source} has no {RestOfWorld} row for {string.Join(", ", missing)}.");
        }

        return new RateCard(rows.ToImmutable(), file.Note ?? "");
    }

    private RateCardRow? InForce(string market, string category, DateOnly date)
    {
        if (!_rows.TryGetValue((market, category), out var rows))
        {
            return null;
        }

        RateCardRow? inForce = null;
        foreach (var row in rows)
        {
            if (row.EffectiveFrom > date)
            {
                break;
            }

            inForce = row;
        }

        return inForce;
    }

    private RateCardRow? Earliest(string market, string category) =>
        _rows.TryGetValue((market, category), out var rows) ? rows[0] : null;

    private static RateCardRow Check(RateCardRowData data, string where)
    {
        if (!DateOnly.TryParseExact(data.EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            throw new InvalidDataException($"{where}: effective_from '{data.EffectiveFrom}' must be a date as YYYY-MM-DD.");
        }

        var market = data.Market?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(market) || !market.All(char.IsAsciiLetterUpper))
        {
            throw new InvalidDataException($"{where}: market '{data.Market}' must be an ISO region such as US, or {RestOfWorld}.");
        }

        if (data.Category is null || !PricingCategories.Carded.Contains(data.Category))
        {
            throw new InvalidDataException($"{where}: category '{data.Category}' must be one of {string.Join(", ", PricingCategories.Carded)}.");
        }

        if (data.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new InvalidDataException($"{where}: currency '{data.Currency}' must be an ISO 4217 code such as USD.");
        }

        if (data.Rate is not { } rate || rate < 0)
        {
            throw new InvalidDataException($"{where}: rate must be a price of zero or more.");
        }

        var tiers = (data.Tiers ?? []).Select(t => new VolumeTier(t.FromMessages, t.Rate)).ToImmutableArray();
        for (var i = 0; i < tiers.Length; i++)
        {
            if (tiers[i].FromMessages <= (i == 0 ? 0 : tiers[i - 1].FromMessages) || tiers[i].Rate < 0)
            {
                throw new InvalidDataException($"{where}: tiers must have ascending, positive from_messages and rates of zero or more.");
            }
        }

        return new RateCardRow(from, market, data.Category, currency, rate, tiers);
    }

    private static string ReadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException("rate-card.json is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record RateCardFile(string? Note, List<RateCardRowData>? Rows);

    private sealed record RateCardRowData(string? EffectiveFrom, string? Market, string? Category, string? Currency, decimal? Rate, List<VolumeTierData>? Tiers);

    private sealed record VolumeTierData(long FromMessages, decimal Rate);
}
