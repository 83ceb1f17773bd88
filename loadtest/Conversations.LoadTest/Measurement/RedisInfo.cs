using System.Globalization;

namespace Conversations.LoadTest.Measurement;

/// <summary>
/// The fields of one Redis <c>INFO</c> answer the load tester reads: CPU (cpu), bytes received from clients (stats), the
/// append-only file (persistence) and used_memory (memory). A field the server did not report is null.
/// </summary>
public sealed record RedisInfo(
    double? CpuSeconds,
    long? NetInputBytes,
    bool? AofEnabled,
    long? AofCurrentSize,
    long? AofRewrites,
    long? UsedMemoryBytes)
{
    /// <summary>Parses INFO's text: "# Section" headers and "field:value" lines.</summary>
    public static RedisInfo Parse(string info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in info.AsSpan().EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[0] != '#')
            {
                fields[line[..colon].ToString()] = line[(colon + 1)..].Trim().ToString();
            }
        }

        double? Seconds(string name) =>
            fields.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
        long? Integer(string name) =>
            fields.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

        // The server's own CPU (getrusage of the process), not that of its forked children (rewrites, snapshots).
        var cpu = Seconds("used_cpu_user") is { } user && Seconds("used_cpu_sys") is { } sys ? user + sys : (double?)null;
        var aofEnabled = Integer("aof_enabled") is { } enabled ? enabled == 1 : (bool?)null;
        return new RedisInfo(cpu, Integer("total_net_input_bytes"), aofEnabled, Integer("aof_current_size"), Integer("aof_rewrites"), Integer("used_memory"));
    }
}
