using System.Text;
using static Conversations.LoadTest.Reporting.Formatting;

namespace Conversations.LoadTest.Reporting;

/// <summary>A run as markdown tables, ready to paste into docs/benchmarks.md.</summary>
public static class MarkdownReport
{
    public static string Render(RunReport report)
    {
        var md = new StringBuilder();
        var machine = report.Machine;
        var settings = report.Settings;
        md.AppendLine($"### Run {report.RunId} ({report.StartedAt:yyyy-MM-dd HH:mm} UTC)");
        md.AppendLine();
        md.AppendLine($"- Machine: {machine.Processors} cores, {machine.MemoryGib} GiB, {machine.OperatingSystem}, {machine.Runtime} (load tester GC: {machine.Gc})");
        var ran = report.Scenarios.Select(s => s.Scenario).ToHashSet();
        md.AppendLine($"- Target: `{settings.Address}`; {settings.Concurrency} concurrent calls on one HTTP/2 channel; "
            + (settings.Rate is { } rate ? $"scenarios open loop at {Rate(rate)} req/s (baseline closed loop)"
                : "closed loop (as fast as answered)" + (ran.Contains("pacing") ? ", but pacing open loop at its number's throughput" : ""))
            + $"; warm-up {settings.WarmupSeconds:0} s, measured {settings.DurationSeconds:0} s");
        var details = new List<string>();
        if (ran.Contains("uniform"))
        {
            details.Add($"uniform: {Count(settings.Conversations)} conversations on {settings.BusinessNumbers} number(s), windows opened "
                + (settings.MetaSimulator is { } simulator ? $"through the Meta simulator at `{simulator}`" : "with RecordInbound"));
        }

        if (ran.Contains("broadcast"))
        {
            details.Add($"broadcast: up to {Count(settings.Customers)} customers");
        }

        if (ran.Contains("webhooks"))
        {
            details.Add($"webhooks: {settings.Batch} messages per signed POST to `{settings.WebhookUrl}`, from {Count(settings.Conversations)} customers");
        }

        if (ran.Contains("chatbot"))
        {
            details.Add($"chatbot: {settings.Streams} StreamSends streams over {Count(settings.Conversations)} open windows");
        }

        if (ran.Contains("windows"))
        {
            details.Add($"windows: {Count(settings.Windows)} windows opened with RecordInbound on {settings.BusinessNumbers} number(s)"
                + (settings.IdleSeconds > 0 ? $", then {settings.IdleSeconds:0} s idle" : "")
                + (settings.Redis is { } redis ? $"; api storage Redis `{redis}`" : "; api storage in memory"));
        }

        if (ran.Contains("evaluate"))
        {
            details.Add($"evaluate: {Count(settings.Conversations)} windows opened with RecordInbound on {settings.BusinessNumbers} number(s)");
        }

        if (ran.Contains("relay"))
        {
            details.Add($"relay: the relay floor at `{settings.Relay}` (pid {settings.RelayPid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not given"}) posting to the Meta simulator at `{settings.RelayMetaSimulator}`, "
                + $"{Count(settings.Conversations)} windows on {settings.BusinessNumbers} number(s)");
        }

        if (ran.Contains("pacing"))
        {
            details.Add($"pacing: one number registered at {Rate(settings.Throughput)}/s, open loop at {Rate(settings.Rate ?? settings.Throughput)}/s, "
                + $"arrivals read from the Meta simulator at `{settings.MetaSimulator}`");
        }

        if (settings.Redis is { } watched)
        {
            details.Add($"Redis `{watched}`: INFO read at the start and end of every measurement");
        }

        if (details.Count > 0)
        {
            md.AppendLine("- " + string.Join("; ", details));
        }

        md.AppendLine();
        md.AppendLine("| scenario | req/s | ok/s | ok items/s | ok items/s ÷ baseline | ok items/s ÷ relay | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | not ok | "
            + "CPU cores: tester / server / other processes | server CPU µs per ok op | CPU per ok op ÷ relay's | ok items per server core-second |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
        foreach (var s in report.Scenarios)
        {
            if (s.SkippedBecause is { } why)
            {
                md.AppendLine($"| {s.Scenario} | skipped: {Cell(why)} {new string('|', 15)}");
                continue;
            }

            var l = s.Latency;
            md.AppendLine($"| {s.Scenario}{(s.RanOutOfWork ? " (ran out of customers)" : "")} | {Rate(s.OperationsPerSecond)} | {Rate(s.OkPerSecond)} | {Rate(s.OkItemsPerSecond)} {s.ItemName} | {Ratio(s.RatioToBaseline)} | {Ratio(s.RatioToRelay)} | "
                + $"{Millis(l.P50Ms)} | {Millis(l.P90Ms)} | {Millis(l.P99Ms)} | {Millis(l.P999Ms)} | {Millis(l.MaxMs)} | {Share(s.Operations - s.OkOperations, s.Operations)} | "
                + $"{Cores(s.Cpu.LoadTesterCores)} / {Cores(s.Cpu.ServerCores)} / {Cores(s.Cpu.OtherCores)} | {CpuPerOk(s)} | {Ratio(s.CpuPerOkRatioToRelay)} | "
                + $"{(s.OkPerServerCoreSecond is { } perCore ? Rate(perCore) : "–")} |");
        }

        md.AppendLine();
        md.AppendLine("Server: the api, whose pid was given with --server-pid; for the relay row, the relay server (--relay-pid). Server CPU per ok op: its CPU seconds over the measurement ÷ successful operations. "
            + "The relay columns compare each send scenario with the relay floor measured in this run.");

        Table(md, "Redis, from INFO at the start and end of each measurement (the same span as the server CPU), per ok item (per inbound message for webhooks):",
            "| scenario | Redis CPU µs per ok item | Redis bytes in per ok item | AOF bytes per ok item | Redis CPU / bytes in / AOF bytes over the measurement |",
            "|---|---:|---:|---:|---:|",
            report.Scenarios.Where(s => s.Redis is not null).Select(s => $"| {s.Scenario} | {string.Join(" | ", RedisCells(s))} |"));
        foreach (var note in report.Scenarios.Select(AofNote).OfType<string>())
        {
            md.AppendLine();
            md.AppendLine(note);
        }

        foreach (var s in report.Scenarios.Where(s => s.Pacing is not null))
        {
            md.AppendLine();
            foreach (var line in PacingLines(s.Scenario, s.Pacing!))
            {
                md.AppendLine($"- {line}");
            }
        }

        Table(md, "Outcomes (status and google.rpc.ErrorInfo reason; the first server message for each):",
            "| scenario | outcome | count | share | first message |",
            "|---|---|---:|---:|---|",
            report.Scenarios.SelectMany(s => s.Outcomes.Select(o =>
                $"| {s.Scenario} | {Outcome(o.Status, o.Reason)} | {Count(o.Count)} | {Share(o.Count, s.Operations)} | {Cell(o.Sample)} |")));
        Table(md, "Setup (not measured above):",
            "| scenario | step | calls | seconds | calls/s | api RSS growth per call | outcomes |",
            "|---|---|---:|---:|---:|---:|---|",
            report.Scenarios.Where(s => s.Setup is not null).Select(SetupRow));
        Table(md, "Memory per open window (each reading right after a forced full GC of the api):",
            "| scenario | windows | api GC heap before → after | per window | api RSS before → after | per window | Redis used_memory before → after | per window | Redis keys after |",
            "|---|---:|---|---:|---|---:|---|---:|---:|",
            report.Scenarios.SelectMany(FootprintRows));

        return md.ToString();
    }

    /// <summary>A table after its introducing sentence, each a paragraph of its own; nothing when it has no row.</summary>
    private static void Table(StringBuilder md, string introduction, string header, string alignment, IEnumerable<string> rows)
    {
        var lines = rows.ToList();
        if (lines.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine(introduction);
        md.AppendLine();
        md.AppendLine(header);
        md.AppendLine(alignment);
        foreach (var line in lines)
        {
            md.AppendLine(line);
        }
    }

    private static string SetupRow(Measurement.ScenarioResult s)
    {
        var setup = s.Setup!;
        var outcomes = string.Join(", ", setup.Outcomes.Select(o => $"{Outcome(o.Status, o.Reason)} {Count(o.Count)}"));
        var growth = setup.ServerRssGrowthPerCallBytes is { } bytes ? $"{bytes:N0} B" : "–";
        return $"| {s.Scenario} | {setup.Step} | {Count(setup.Operations)} | {setup.Seconds:0.0} | {Rate(setup.PerSecond)} | {growth} | {outcomes} |";
    }

    /// <summary>windows: the reading right after opening and, after --idle, the one after the windows sat idle.</summary>
    private static IEnumerable<string> FootprintRows(Measurement.ScenarioResult s)
    {
        if (s.Footprint is not { } f)
        {
            yield break;
        }

        yield return $"| {s.Scenario} | {Count(f.Windows)} | {Bytes(f.Before.GcHeapBytes)} → {Bytes(f.After.GcHeapBytes)} | {BytesEach(f.GcHeapBytesPerWindow)} | "
            + $"{Bytes(f.Before.ResidentBytes)} → {Bytes(f.After.ResidentBytes)} | {BytesEach(f.ResidentBytesPerWindow)} | "
            + (f.RedisAfter is { } after
                ? $"{Bytes(f.RedisBefore?.UsedMemoryBytes)} → {Bytes(after.UsedMemoryBytes)} | {BytesEach(f.RedisBytesPerWindow)} | {Count(after.Keys)} |"
                : "– | – | – |");
        if (f.AfterIdle is { } idle)
        {
            yield return $"| {s.Scenario}, after {f.IdleSeconds:0} s idle | {Count(f.Windows)} | {Bytes(f.Before.GcHeapBytes)} → {Bytes(idle.GcHeapBytes)} | {BytesEach(f.IdleGcHeapBytesPerWindow)} | "
                + $"{Bytes(f.Before.ResidentBytes)} → {Bytes(idle.ResidentBytes)} | {BytesEach(f.IdleResidentBytesPerWindow)} | "
                + (f.RedisAfterIdle is { } redis
                    ? $"{Bytes(f.RedisBefore?.UsedMemoryBytes)} → {Bytes(redis.UsedMemoryBytes)} | {BytesEach(f.IdleRedisBytesPerWindow)} | {Count(redis.Keys)} |"
                    : "– | – | – |");
        }
    }

    private static string Cell(string? text) =>
        text is null ? "" : text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
