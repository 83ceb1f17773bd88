using System.Diagnostics;

namespace Conversations.EndToEnd.Tests;

/// <summary>
/// What bash makes of the README's command lines (quoting, <c>$(...)</c>), without running the commands: each named
/// command becomes a function that prints its argv, NUL-separated, so a test can then make the call itself.
/// </summary>
public static class ShellCommands
{
    /// <summary>Each call of one of <paramref name="commands"/> in <paramref name="script"/>, in order: the command name, then its arguments.</summary>
    public static async Task<List<List<string>>> Expand(string script, params string[] commands)
    {
        var functions = string.Concat(commands.Select(c => $"{c}() {{ printf '%s\\0' {c} \"$@\"; printf '\\x1e\\0'; }}\n"));
        var output = await Run(functions + script);
        var calls = new List<List<string>>();
        var args = new List<string>();
        foreach (var arg in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (arg == "\x1e")
            {
                calls.Add(args);
                args = [];
            }
            else
            {
                args.Add(arg);
            }
        }

        return calls;
    }

    /// <summary>Runs <paramref name="script"/> with <c>bash -euo pipefail</c>, failing the test if it fails; returns its standard output.</summary>
    public static async Task<string> Run(string script, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script])
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var errors = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        Assert.True(bash.ExitCode == 0, errors);
        return await output;
    }
}
