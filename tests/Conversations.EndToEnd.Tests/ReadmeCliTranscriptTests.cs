extern alias cli;

using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Conversations.Testing;
using OperatorCommandLine = cli::Conversations.Cli.OperatorCommandLine;

namespace Conversations.EndToEnd.Tests;

/// <summary>
/// The README's CLI transcripts, run as written: the <c>```text</c> blocks of "Round trip with the CLI" and of "Meta
/// simulator and webhooks", in the README's order. bash expands each <c>$ dotnet run --project cli -- ...</c> line into
/// its argv, which goes through the CLI's entry point in-process, with <c>--address</c> the loopback api and, for
/// simulate-inbound, <c>--simulator</c> the test's simulator. What it prints (stdout, then stderr) and its exit code
/// (a <c>$ echo $?</c> line, else 0) must be the README's lines, with only what legitimately varies masked: instants,
/// message ids and idempotency keys.
/// </summary>
/// <remarks>
/// The README's business numbers, WABAs, portfolios and customers are also the ids <see cref="ReadmeGrpcurlTests"/>
/// uses on the same api host, so every one of them is replaced, in the commands and in the expected lines alike, by a
/// fresh one: the transcript runs on numbers, templates, limits and simulator windows nobody else touches.
/// </remarks>
[Collection(LoopbackCollection.Name)]
public sealed partial class ReadmeCliTranscriptTests(LoopbackApi api)
{
    private const string Prompt = "$ dotnet ";

    [Fact]
    public async Task Every_CLI_transcript_in_the_README_prints_what_the_README_shows()
    {
        // Arrange
        var readme = RepositoryFiles.Read("README.md");
        var steps = await Parse([.. TextBlocks(readme, "## Round trip with the CLI"), .. TextBlocks(readme, "## Meta simulator and webhooks")]);
        var ids = FreshIds(steps);

        // Act
        var expected = new StringBuilder();
        var actual = new StringBuilder();
        foreach (var step in steps)
        {
            var run = await Run([.. step.Args.Select(ids.Substitute)]);
            var header = "$ " + ids.Substitute(step.CommandLine);
            Render(expected, header, [.. step.Output.Select(ids.Substitute)], step.ExitCode);
            Render(actual, header, Lines(run.Output + run.Error), run.ExitCode);
        }

        // Assert
        Assert.True(steps.Count >= 12, $"Expected the README's CLI walkthrough, found {steps.Count} commands.");
        Assert.Contains(steps, step => step.Args[0] == "simulate-inbound");
        Assert.Contains(steps, step => step.Args.Contains("--ago"));
        Assert.All(steps.SelectMany(step => step.Args).Select(ids.Substitute), arg => Assert.DoesNotContain(ids.Readme, arg.Contains));
        Assert.Equal(Mask(expected.ToString()), Mask(actual.ToString()));
    }

    private sealed record Step(string CommandLine, string[] Args, List<string> Output)
    {
        public int ExitCode { get; set; }
    }

    private sealed record CliRun(int ExitCode, string Output, string Error);

    /// <summary>The README's ids (after --number, --waba, --portfolio, --customer), each mapped to a fresh one of its kind.</summary>
    private sealed class Ids(Dictionary<string, string> fresh)
    {
        private readonly Regex _readmeId = new($@"(?<!\d)(?:{string.Join('|', fresh.Keys.Select(Regex.Escape))})(?!\d)");

        public IReadOnlyCollection<string> Readme => fresh.Keys;

        /// <summary>One pass, so a fresh id is never itself rewritten; digits on either side mean another id.</summary>
        public string Substitute(string text) => _readmeId.Replace(text, match => fresh[match.Value]);
    }

    private static Ids FreshIds(IReadOnlyList<Step> steps)
    {
        var kinds = new Dictionary<string, Func<string>>
        {
            ["--number"] = TestNumbers.BusinessNumberId,
            ["--waba"] = TestNumbers.WabaId,
            ["--portfolio"] = TestNumbers.WabaId,
            ["--customer"] = TestNumbers.Customer,
        };
        var fresh = new Dictionary<string, string>();
        foreach (var args in steps.Select(step => step.Args))
        {
            for (var i = 0; i < args.Length - 1; i++)
            {
                var readmeId = args[i + 1].TrimStart('+');
                if (kinds.TryGetValue(args[i], out var next) && !fresh.ContainsKey(readmeId))
                {
                    string id;
                    do
                    {
                        id = next();
                    }
                    while (fresh.ContainsKey(id) || fresh.ContainsValue(id));

                    fresh[readmeId] = id;
                }
            }
        }

        Assert.NotEmpty(fresh);
        return new Ids(fresh);
    }

    private static IEnumerable<string> TextBlocks(string readme, string heading)
    {
        var start = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The README has no '{heading}' section.");
        var end = readme.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        return TextBlock().Matches(section).Select(block => block.Groups["body"].Value).Where(body => body.Contains(Prompt, StringComparison.Ordinal));
    }

    /// <summary>Each <c>$ dotnet run</c> line, its output lines and its exit code; bash gives each line's argv.</summary>
    private static async Task<List<Step>> Parse(IReadOnlyList<string> blocks)
    {
        var steps = new List<(string CommandLine, List<string> Output, int ExitCode)>();
        var exitCodeNext = false;
        foreach (var line in blocks.SelectMany(block => block.Split('\n')))
        {
            if (line.StartsWith(Prompt, StringComparison.Ordinal))
            {
                steps.Add((line[2..], [], 0));
            }
            else if (line == "$ echo $?")
            {
                exitCodeNext = true;
            }
            else if (exitCodeNext)
            {
                steps[^1] = steps[^1] with { ExitCode = int.Parse(line, System.Globalization.CultureInfo.InvariantCulture) };
                exitCodeNext = false;
            }
            else
            {
                Assert.False(line.StartsWith('$'), $"A README command this test cannot run: {line}");
                Assert.NotEmpty(steps);
                steps[^1].Output.Add(line);
            }
        }

        var argvs = await Expand(steps.Select(step => step.CommandLine));
        Assert.Equal(steps.Count, argvs.Count);
        return [.. steps.Select((step, i) => new Step(step.CommandLine, argvs[i], [.. Trimmed(step.Output)]) { ExitCode = step.ExitCode })];
    }

    /// <summary>Each command line's CLI arguments (after <c>dotnet run --project cli --</c>), as bash expands them.</summary>
    private static async Task<List<string[]>> Expand(IEnumerable<string> commandLines)
    {
        var argvs = new List<string[]>();
        foreach (var args in await ShellCommands.Expand(string.Join('\n', commandLines), "dotnet"))
        {
            Assert.Equal(["dotnet", "run", "--project", "cli", "--"], args.Take(5));
            argvs.Add([.. args.Skip(5)]);
        }

        return argvs;
    }

    /// <summary>The CLI's entry point as Program.cs calls it, aimed at the loopback api and the test's simulator.</summary>
    private async Task<CliRun> Run(string[] args)
    {
        string[] argv = args[0] == "simulate-inbound"
            ? ["--address", api.GrpcAddress.ToString(), .. args, "--simulator", api.SimulatorAddress.ToString()]
            : ["--address", api.GrpcAddress.ToString(), .. args];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await OperatorCommandLine.RunAsync(argv, new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private static void Render(StringBuilder transcript, string header, IReadOnlyList<string> output, int exitCode)
    {
        transcript.Append(header).Append('\n');
        foreach (var line in output)
        {
            transcript.Append(line).Append('\n');
        }

        if (exitCode != 0)
        {
            transcript.Append("$ echo $?\n").Append(exitCode).Append('\n');
        }

        transcript.Append('\n');
    }

    private static List<string> Lines(string printed) => Trimmed(printed.ReplaceLineEndings("\n").Split('\n'));

    private static List<string> Trimmed(IEnumerable<string> lines)
    {
        var kept = lines.ToList();
        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return kept;
    }

    /// <summary>What legitimately differs between runs: instants (also inside a refusal's text), message ids, GUID keys.</summary>
    private static string Mask(string transcript)
    {
        transcript = Instant().Replace(transcript, "<instant>");
        transcript = ConversationsMessageId().Replace(transcript, "cnv.<hex>");
        transcript = CliInboundId().Replace(transcript, "wamid.cli-<hex>");
        transcript = SimulatorMessageId().Replace(transcript, "wamid.SIM<hex>");
        return Guid().Replace(transcript, "<guid>");
    }

    [GeneratedRegex(@"```text\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex TextBlock();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?Z")]
    private static partial Regex Instant();

    [GeneratedRegex(@"\bcnv\.[0-9a-f]{32}\b")]
    private static partial Regex ConversationsMessageId();

    [GeneratedRegex(@"\bwamid\.cli-[0-9a-f]{32}\b")]
    private static partial Regex CliInboundId();

    [GeneratedRegex(@"\bwamid\.SIM[0-9A-F]{32}\b")]
    private static partial Regex SimulatorMessageId();

    [GeneratedRegex(@"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")]
    private static partial Regex Guid();
}
