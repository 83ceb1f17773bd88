namespace Conversations.Cli.Tests;

/// <summary>What a script sees of one `conversations` run.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);
