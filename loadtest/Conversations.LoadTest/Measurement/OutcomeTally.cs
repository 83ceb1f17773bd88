using Grpc.Core;

namespace Conversations.LoadTest.Measurement;

/// <summary>Counts of outcomes with the first message seen for each, so a refusal's wording reaches the report once.</summary>
public sealed class OutcomeTally
{
    private readonly Dictionary<Outcome, long> _counts = [];
    private readonly Dictionary<Outcome, string> _samples = [];

    public void Add(Outcome outcome, Exception? failure = null)
    {
        _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;
        if (failure is not null && !_samples.ContainsKey(outcome))
        {
            _samples[outcome] = failure is RpcException rpc ? rpc.Status.Detail : failure.Message;
        }
    }

    public void AddAll(OutcomeTally other)
    {
        foreach (var (outcome, count) in other._counts)
        {
            _counts[outcome] = _counts.GetValueOrDefault(outcome) + count;
        }

        foreach (var (outcome, sample) in other._samples)
        {
            _samples.TryAdd(outcome, sample);
        }
    }

    public long Total => _counts.Values.Sum();

    public long CountOf(Outcome outcome) => _counts.GetValueOrDefault(outcome);

    public IReadOnlyList<OutcomeCount> ToList() =>
        [.. _counts
            .OrderByDescending(entry => entry.Key.IsOk)
            .ThenByDescending(entry => entry.Value)
            .Select(entry => new OutcomeCount(entry.Key.Status, entry.Key.Reason, entry.Value, _samples.GetValueOrDefault(entry.Key)))];
}
