using System.Diagnostics.Metrics;
using Conversations.Abstractions.Meta;

namespace Conversations.Meta;

/// <summary>How the Cloud API answered, as OpenTelemetry instruments; nothing is built unless someone listens.</summary>
public sealed class MetaMetrics
{
    public const string MeterName = "Conversations.Meta";

    public const string RequestDuration = "conversations.meta.request.duration";
    public const string Errors = "conversations.meta.errors";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;

    public MetaMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>(
            RequestDuration,
            "s",
            "How long one send to the Cloud API took, retries included, by outcome (accepted or the error class).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _errors = meter.CreateCounter<long>(Errors, "{error}", "Sends the Cloud API did not take, by Meta error code (0: no answer) and error class.");
    }

    public bool Enabled => _duration.Enabled || _errors.Enabled;

    public void Answered(DispatchResult result, TimeSpan elapsed)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", MetaErrorClassNames.Of(result.ErrorClass));
        _duration.Record(elapsed.TotalSeconds, outcome);
        if (!result.Accepted && _errors.Enabled)
        {
            _errors.Add(1, new KeyValuePair<string, object?>("error.code", result.Error?.Code ?? 0), outcome);
        }
    }
}
