using System.Globalization;

namespace Conversations.EndToEnd.Tests.Telemetry;

/// <summary>One scrape of /metrics in the Prometheus text format: each sample's name, labels and value.</summary>
public sealed class PrometheusScrape(IReadOnlyList<PrometheusScrape.Sample> samples)
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public IReadOnlyList<Sample> Samples => samples;

    public static async Task<PrometheusScrape> From(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public static PrometheusScrape Parse(string text)
    {
        var parsed = new List<Sample>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var open = line.IndexOf('{', StringComparison.Ordinal);
            var close = open < 0 ? -1 : line.LastIndexOf('}');
            var name = open < 0 ? line[..line.IndexOf(' ', StringComparison.Ordinal)] : line[..open];
            if (open >= 0)
            {
                // Label values here never hold a comma or a quote: they are closed sets of names.
                foreach (var pair in line[(open + 1)..close].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    labels[pair[..equals]] = pair[(equals + 1)..].Trim('"');
                }
            }

            var rest = line[((open < 0 ? name.Length : close + 1))..].Trim().Split(' ');
            parsed.Add(new Sample(name, labels, double.Parse(rest[0], CultureInfo.InvariantCulture)));
        }

        return new PrometheusScrape(parsed);
    }

    /// <summary>The sum of the samples of this name whose labels include these; 0 when there is none.</summary>
    public double Value(string name, params (string Key, string Value)[] labels) => samples
        .Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
        .Sum(s => s.Value);

    public bool Has(string name, params (string Key, string Value)[] labels) => samples
        .Any(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
}
