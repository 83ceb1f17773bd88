using System.CommandLine;
using Conversations.Api.Tests;

namespace Conversations.Cli.Tests;

/// <summary>Runs the `conversations` command in-process, the way Program.cs does, with stdout and stderr captured.</summary>
public static class Cli
{
    /// <summary>A run that must not reach any server: usage errors, or an --address the arguments name.</summary>
    public static Task<CliRun> Run(params string[] args) => Run(handler: null, args);

    /// <summary>A run against the api's in-memory test server, which has no port: its handler carries the calls, with an administrator's token.</summary>
    public static Task<CliRun> Run(ApiFactory api, params string[] args) => RunWithout(api, ["--token", api.AdminToken, .. args]);

    /// <summary>As <see cref="Run(ApiFactory, string[])"/> with only the token (or none) that <paramref name="args"/> give.</summary>
    public static async Task<CliRun> RunWithout(ApiFactory api, params string[] args)
    {
        using var handler = api.Server.CreateHandler();
        return await Run(handler, ["--address", api.Server.BaseAddress.ToString(), .. args]);
    }

    private static async Task<CliRun> Run(HttpMessageHandler? handler, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await OperatorCommandLine.RunAsync(args, new InvocationConfiguration { Output = output, Error = error }, handler);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
