using System.Collections.Concurrent;
using System.Diagnostics;

namespace Conversations.Api.Errors;

/// <summary>
/// Calls the domain refused are the caller's business, not an incident: each is a Debug line, and at most once per
/// <see cref="Interval"/> one Information line counts them by reason, so a burst of a thousand refusals is one line.
/// </summary>
public sealed class RefusalLog(TimeProvider time, ILogger<RefusalLog> logger) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Lock _timerLock = new();
    private ITimer? _timer;

    /// <param name="reason">The refusal's reason, a closed set (WINDOW_CLOSED, ...), so this holds a few dozen entries at most.</param>
    public void Refused(string method, string reason)
    {
        logger.LogDebug("{Method} refused: {Reason} (trace {TraceId})", method, reason, Activity.Current?.TraceId.ToString());
        _counts.AddOrUpdate(reason, 1, static (_, count) => count + 1);
        if (_timer is null)
        {
            lock (_timerLock)
            {
                _timer ??= time.CreateTimer(_ => Summarize(), null, Interval, Interval);
            }
        }
    }

    /// <summary>Logs what was refused since the last summary, if anything was, and starts counting again.</summary>
    internal void Summarize()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var reason in _counts.Keys)
        {
            if (_counts.TryRemove(reason, out var count))
            {
                counts[reason] = count;
            }
        }

        if (counts.Count > 0)
        {
            logger.LogInformation(
                "Refused {Refused} calls in the last {Interval}: {Reasons}",
                counts.Values.Sum(),
                Interval,
                string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));
        }
    }

    public void Dispose() => _timer?.Dispose();
}
