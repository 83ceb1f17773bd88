using System.Diagnostics;
using Conversations.LoadTest.Measurement;
using Conversations.LoadTest.Reporting;
using Conversations.LoadTest.Scenarios;
using Spectre.Console;

namespace Conversations.LoadTest;

/// <summary>
/// One run: the baseline, then each chosen scenario (setup, warm-up, measurement) against one channel, then the
/// tables, and the JSON and markdown files when an output directory was given.
/// </summary>
public sealed class LoadTestRun(LoadTestSettings settings)
{
    private static readonly TimeSpan s_refresh = TimeSpan.FromMilliseconds(250);

    private readonly IAnsiConsole _console = AnsiConsole.Console;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns when writing to a file, which folds every table cell.
            _console.Profile.Width = 200;
        }

        var startedAt = DateTimeOffset.UtcNow;
        var ids = RunIds.New();
        using var channel = LoadTestChannel.Create(settings.Address, settings.Token);
        using var http = LoadTestChannel.CreateHttpClient(settings.Concurrency);
        await using var redis = await ApiRedis.ConnectAsync(settings.Redis);
        var context = new ScenarioContext(channel, http, settings, ids, redis);
        var names = settings.Scenarios.Contains(BaselineScenario.ScenarioName)
            ? settings.Scenarios
            : [BaselineScenario.ScenarioName, .. settings.Scenarios];
        _console.MarkupLine(Markup.Escape($"Run {ids.Stamp} against {settings.Address.GetLeftPart(UriPartial.Authority)}: {string.Join(", ", names)}; "
            + $"{settings.Concurrency} concurrent, warm-up {LoadDuration.Format(settings.Warmup)}, measure {LoadDuration.Format(settings.Duration)}"
            + (settings.Rate is { } rate ? $", {rate:N0} req/s" : "")));

        var results = new List<ScenarioResult>();
        foreach (var name in names)
        {
            var scenario = ScenarioCatalog.Create(name, settings);
            ScenarioResult result;
            try
            {
                result = await RunScenarioAsync(scenario, context, cancellationToken);
            }
            finally
            {
                // Streams left open would keep their server-side calls, and their sends, going into the next scenario.
                if (scenario is IAsyncDisposable disposable)
                {
                    await disposable.DisposeAsync();
                }
            }

            results.Add(result);
            if (name == BaselineScenario.ScenarioName && result.OkOperations == 0)
            {
                _console.MarkupLine("[red]The baseline got no successful answer; is the api running at that address?[/]");
                break;
            }
        }

        var baseline = results.FirstOrDefault(r => r.Scenario == BaselineScenario.ScenarioName && r.SkippedBecause is null);
        var report = new RunReport(ids.Stamp, startedAt, MachineInfo.Current(), RunSettings.From(settings), RunComparison.Apply(results));
        ConsoleReport.Write(_console, report);
        if (settings.Output is { } output)
        {
            output.Create();
            var stem = Path.Combine(output.FullName, $"run-{startedAt:yyyyMMdd-HHmmss}-{string.Join('-', names)}");
            await File.WriteAllTextAsync(stem + ".json", JsonReport.Render(report), cancellationToken);
            await File.WriteAllTextAsync(stem + ".md", MarkdownReport.Render(report), cancellationToken);
            _console.MarkupLine(Markup.Escape($"Wrote {stem}.json and {stem}.md"));
        }

        return baseline is { OkOperations: > 0 } ? 0 : 1;
    }

    private async Task<ScenarioResult> RunScenarioAsync(IScenario scenario, ScenarioContext context, CancellationToken cancellationToken)
    {
        SetupReport? setup;
        try
        {
            setup = await ShowProgressAsync($"{scenario.Name}: setup", () => SetupFraction(context.SetupProgress), () => SetupLine(context.SetupProgress),
                () => scenario.SetupAsync(context, cancellationToken));
        }
        catch (ScenarioSetupException e)
        {
            _console.MarkupLine($"[red]{Markup.Escape($"{scenario.Name}: {e.Message}")}[/]");
            return Skipped(scenario, e.Message);
        }

        if (scenario is IFootprintScenario footprint)
        {
            return await ShowProgressAsync(scenario.Name, () => SetupFraction(context.SetupProgress), () => SetupLine(context.SetupProgress),
                () => footprint.MeasureAsync(context, cancellationToken));
        }

        var phase = new LoadPhase(scenario, settings, context.Redis);
        var startedAt = Stopwatch.GetTimestamp();
        var lastCount = 0L;
        var lastAt = startedAt;
        var currentRate = 0.0;
        string Describe()
        {
            var now = Stopwatch.GetTimestamp();
            var count = phase.Completed;
            var seconds = Stopwatch.GetElapsedTime(lastAt, now).TotalSeconds;
            if (seconds >= 1)
            {
                currentRate = (count - lastCount) / seconds;
                (lastCount, lastAt) = (count, now);
            }

            return $"{(phase.Measuring ? "measuring" : "warming up")}: {currentRate:N0} req/s, {count:N0} done, {phase.NotOk:N0} not ok";
        }

        var result = await ShowProgressAsync(scenario.Name, () => phase.Fraction, Describe, () => phase.RunAsync(setup, cancellationToken));
        return scenario is IMetaCheckedScenario checkedAtMeta && phase.Schedule is { } schedule
            ? result with { Pacing = await checkedAtMeta.CheckAtMetaAsync(context, result, schedule, cancellationToken) }
            : result;
    }

    /// <summary>Runs the work under one live progress bar whose value and text are polled, not pushed, from the hot path.</summary>
    private async Task<T> ShowProgressAsync<T>(string title, Func<double> fraction, Func<string> line, Func<Task<T>> work)
    {
        var progress = _console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());
        return await progress.StartAsync(async ctx =>
        {
            var task = ctx.AddTask(Markup.Escape(title), maxValue: 1);
            var running = work();
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(s_refresh));
                task.Value = fraction();
                task.Description = Markup.Escape($"{title}  {line()}");
            }

            task.Value = 1;
            task.StopTask();
            return await running;
        });
    }

    private static double SetupFraction(SetupProgress progress) =>
        progress.Total == 0 ? 0 : (double)progress.Done / progress.Total;

    private static string SetupLine(SetupProgress progress) =>
        progress.Total == 0 ? "" : $"{progress.Step}: {progress.Done:N0}/{progress.Total:N0}";

    private static ScenarioResult Skipped(IScenario scenario, string why) => new(
        scenario.Name, scenario.Description, scenario.ItemName, scenario.ItemsPerOperation, 0, 0, 0, 0, 0, 0, null,
        new LatencySummary(0, 0, 0, 0, 0, 0), [], null, new CpuUsage(0, null, null), false, why);
}
