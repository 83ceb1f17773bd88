namespace Conversations.LoadTest.Measurement;

/// <summary>Server CPU per successful operation: the figure that stays comparable when the machine is shared.</summary>
public static class CpuPerOperation
{
    /// <summary>CPU seconds ÷ operations, in microseconds to one decimal; null without a CPU reading or without an operation.</summary>
    public static double? Microseconds(double? cpuSeconds, long operations) =>
        cpuSeconds is { } seconds && operations > 0 ? Math.Round(seconds * 1_000_000 / operations, 1) : null;
}
