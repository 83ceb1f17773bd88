using System.Diagnostics;

namespace Conversations.LoadTest.Measurement;

/// <summary>Samples CPU time at the start and end of a measurement, without dotnet-counters.</summary>
public sealed class CpuMeter
{
    private readonly int? _serverPid;
    private readonly long _startedAt;
    private readonly TimeSpan _loadTesterAtStart;
    private readonly TimeSpan? _serverAtStart;
    private readonly (long Busy, long Total)? _machineAtStart;

    private CpuMeter(int? serverPid)
    {
        _serverPid = serverPid;
        _startedAt = Stopwatch.GetTimestamp();
        _loadTesterAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        _serverAtStart = ProcessorTime(serverPid);
        _machineAtStart = MachineJiffies();
    }

    public static CpuMeter Start(int? serverPid) => new(serverPid);

    public CpuUsage Stop()
    {
        var seconds = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        var loadTester = (Process.GetCurrentProcess().TotalProcessorTime - _loadTesterAtStart).TotalSeconds / seconds;
        double? serverSeconds = _serverAtStart is { } serverStart && ProcessorTime(_serverPid) is { } serverEnd
            ? (serverEnd - serverStart).TotalSeconds
            : null;
        var server = serverSeconds / seconds;
        double? machine = _machineAtStart is { } start && MachineJiffies() is { } end && end.Total > start.Total
            ? (double)(end.Busy - start.Busy) / (end.Total - start.Total)
            : null;
        double? other = server is { } api && machine is { } busy
            ? Math.Max(0, (busy * Environment.ProcessorCount) - loadTester - api)
            : null;
        return new CpuUsage(Round(loadTester), Round(server), Round(machine), Round(other)) { ServerCpuSeconds = serverSeconds };
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    private static double Round(double value) => Math.Round(value, 3);

    private static TimeSpan? ProcessorTime(int? pid)
    {
        if (pid is not { } id)
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(id);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The first line of /proc/stat: user nice system idle iowait irq softirq steal ...</summary>
    private static (long Busy, long Total)? MachineJiffies()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            var fields = reader.ReadLine()?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields is not { Length: > 5 } || fields[0] != "cpu")
            {
                return null;
            }

            var values = fields.Skip(1).Take(8).Select(long.Parse).ToArray();
            var idle = values[3] + values[4];
            var total = values.Sum();
            return (total - idle, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
