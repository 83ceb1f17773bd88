using System.Collections.Concurrent;

namespace Conversations.Meta.Simulator;

/// <summary>
/// What the simulator knows of each business number: its WABA (webhook envelopes, templates) and its throughput, from
/// <see cref="MetaSimulatorOptions.Numbers"/>, <c>POST /simulator/numbers</c> and simulated inbounds that name a WABA.
/// </summary>
public sealed class SimulatedNumbers
{
    private readonly MetaSimulatorOptions _options;
    private readonly ConcurrentDictionary<string, SimulatedNumber> _numbers = new(StringComparer.Ordinal);

    public SimulatedNumbers(MetaSimulatorOptions options)
    {
        _options = options;
        foreach (var (id, number) in options.Numbers)
        {
            Set(id, number.WabaId, number.ThroughputPerSecond);
        }
    }

    /// <summary>Null values keep what the number has.</summary>
    public void Set(string phoneNumberId, string? wabaId, int? throughputPerSecond) =>
        _numbers.AddOrUpdate(
            phoneNumberId,
            _ => new SimulatedNumber(wabaId is { Length: > 0 } ? wabaId : null, throughputPerSecond),
            (_, known) => new SimulatedNumber(wabaId is { Length: > 0 } ? wabaId : known.WabaId, throughputPerSecond ?? known.ThroughputPerSecond));

    /// <summary>The number's WABA, or <see cref="MetaSimulatorOptions.WabaId"/> for a number nobody named one for.</summary>
    public string WabaOf(string phoneNumberId) =>
        _numbers.TryGetValue(phoneNumberId, out var number) && number.WabaId is { } waba ? waba : _options.WabaId;

    /// <summary>Messages per second Meta lets the number send: its own, else <see cref="MetaSimulatorOptions.DefaultThroughputPerSecond"/>.</summary>
    public int ThroughputOf(string phoneNumberId) =>
        _numbers.TryGetValue(phoneNumberId, out var number) && number.ThroughputPerSecond is { } perSecond ? perSecond : _options.DefaultThroughputPerSecond;

    private sealed record SimulatedNumber(string? WabaId, int? ThroughputPerSecond);
}
