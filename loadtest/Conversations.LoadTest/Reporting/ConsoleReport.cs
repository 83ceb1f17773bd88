using Conversations.LoadTest.Measurement;
using Spectre.Console;
using static Conversations.LoadTest.Reporting.Formatting;

namespace Conversations.LoadTest.Reporting;

/// <summary>The run's results as Spectre tables: throughput and latency, then outcomes by reason, then setup.</summary>
public static class ConsoleReport
{
    public static void Write(IAnsiConsole console, RunReport report)
    {
        var results = new Table().Title("[bold]Results[/]").Border(TableBorder.Rounded);
        results.AddColumns("scenario", "req/s", "ok/s", "ok items/s", "× baseline", "× relay", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "not ok",
            "CPU cores tester/server/other", "server CPU µs/ok op", "CPU/op × relay's", "ok items/server core-s");
        foreach (var column in results.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var s in report.Scenarios)
        {
            if (s.SkippedBecause is { } why)
            {
                results.AddRow([Markup.Escape(s.Scenario), "[red]skipped[/]", .. Enumerable.Repeat("", results.Columns.Count - 3), Markup.Escape(why)]);
                continue;
            }

            var l = s.Latency;
            results.AddRow(
                Markup.Escape(s.Scenario + (s.RanOutOfWork ? "*" : "")),
                Rate(s.OperationsPerSecond),
                Rate(s.OkPerSecond),
                s.ItemsPerOperation == 1 ? "" : $"{Rate(s.OkItemsPerSecond)} {s.ItemName}",
                Ratio(s.RatioToBaseline),
                Ratio(s.RatioToRelay),
                Millis(l.P50Ms),
                Millis(l.P99Ms),
                Millis(l.P999Ms),
                Millis(l.MaxMs),
                Share(s.Operations - s.OkOperations, s.Operations),
                $"{Cores(s.Cpu.LoadTesterCores)} / {Cores(s.Cpu.ServerCores)} / {Cores(s.Cpu.OtherCores)}",
                CpuPerOk(s),
                Ratio(s.CpuPerOkRatioToRelay),
                s.OkPerServerCoreSecond is { } perCore ? Rate(perCore) : "–");
        }

        console.Write(results);
        if (report.Scenarios.Any(s => s.RanOutOfWork))
        {
            console.MarkupLine("[grey]* ran out of customers before the duration ended; measured until its last send.[/]");
        }

        console.MarkupLine("[grey]server: the api, or for relay the relay server (--relay-pid). × relay and CPU/op × relay's compare each send scenario with the relay floor of this run.[/]");

        var outcomes = new Table().Title("[bold]Outcomes[/]").Border(TableBorder.Rounded);
        outcomes.AddColumns("scenario", "outcome", "count", "share", "first message");
        outcomes.Columns[2].RightAligned();
        outcomes.Columns[3].RightAligned();
        foreach (var s in report.Scenarios)
        {
            foreach (var o in s.Outcomes)
            {
                var name = Markup.Escape(Outcome(o.Status, o.Reason));
                outcomes.AddRow(
                    Markup.Escape(s.Scenario),
                    o.Status == "OK" && o.Reason.Length == 0 ? $"[green]{name}[/]" : $"[yellow]{name}[/]",
                    Count(o.Count),
                    Share(o.Count, s.Operations),
                    Markup.Escape(Truncate(o.Sample, 80)));
            }
        }

        console.Write(outcomes);
        WriteRedis(console, report);
        foreach (var s in report.Scenarios)
        {
            if (s.Pacing is { } pacing)
            {
                var color = pacing.Passed switch { true => "green", false => "red", null => "yellow" };
                foreach (var line in PacingLines(s.Scenario, pacing))
                {
                    console.MarkupLine($"[{color}]{Markup.Escape(line)}[/]");
                }
            }

            WriteSetup(console, s);
            if (s.Footprint is { } footprint)
            {
                console.MarkupLine(Markup.Escape($"{s.Scenario}: {FootprintLine(footprint)}"));
            }
        }
    }

    private static void WriteRedis(IAnsiConsole console, RunReport report)
    {
        var measured = report.Scenarios.Where(s => s.Redis is not null).ToList();
        if (measured.Count == 0)
        {
            return;
        }

        var redis = new Table().Title("[bold]Redis (INFO at the start and end of each measurement)[/]").Border(TableBorder.Rounded);
        redis.AddColumns("scenario", "Redis CPU µs/ok item", "bytes in/ok item", "AOF bytes/ok item", "CPU / bytes in / AOF bytes");
        foreach (var column in redis.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var s in measured)
        {
            redis.AddRow([Markup.Escape(s.Scenario), .. RedisCells(s).Select(Markup.Escape)]);
        }

        console.Write(redis);
        foreach (var note in measured.Select(AofNote).OfType<string>())
        {
            console.MarkupLine($"[yellow]{Markup.Escape(note)}[/]");
        }
    }

    private static void WriteSetup(IAnsiConsole console, ScenarioResult s)
    {
        if (s.Setup is not { } setup)
        {
            return;
        }

        var outcomes = string.Join(", ", setup.Outcomes.Select(o => $"{Outcome(o.Status, o.Reason)} {Count(o.Count)}"));
        var growth = setup.ServerRssGrowthPerCallBytes is { } bytes ? $"; api RSS grew {bytes:N0} B per call" : "";
        console.MarkupLine(Markup.Escape($"{s.Scenario} setup: {setup.Step}: {Count(setup.Operations)} calls in {setup.Seconds:0.0} s = {Rate(setup.PerSecond)}/s ({outcomes}){growth}"));
    }

    private static string Truncate(string? text, int length) =>
        text is null ? "" : text.Length <= length ? text : text[..(length - 1)] + "…";
}
