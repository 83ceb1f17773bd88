using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Conversations.Cli.Commands;

namespace Conversations.Cli;

/// <summary>The `conversations` command tree: one subcommand per operator task.</summary>
public static class OperatorCommandLine
{
    /// <param name="handler">How calls reach the server; null dials --address. Tests pass an in-memory server's handler.</param>
    public static RootCommand Create(HttpMessageHandler? handler = null)
    {
        var server = new ServerConnection(ServerAddress.CreateOption(), ServerToken.CreateOption(), handler);
        return new RootCommand("Operator CLI for the Conversations service: register numbers, manage templates, record inbound messages, send.")
        {
            server.AddressOption,
            server.TokenOption,
            RegisterNumberCommand.Create(server),
            MessagingLimitCommand.Create(server),
            UpsertTemplateCommand.Create(server),
            ListTemplatesCommand.Create(server),
            SyncTemplatesCommand.Create(server),
            RecordInboundCommand.Create(server),
            SimulateInboundCommand.Create(),
            SendCommand.Create(server),
            ShowCommand.Create(server),
            WatchCommand.Create(server),
            MarkReadCommand.Create(server),
            EraseCustomerCommand.Create(server),
            TokenCommand.Create(),
        };
    }

    /// <param name="configuration">Where output and errors go; null means the console.</param>
    /// <param name="handler">See <see cref="Create"/>.</param>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null, HttpMessageHandler? handler = null)
    {
        var parse = Create(handler).Parse(args);
        if (parse.Action is not ParseErrorAction usageError)
        {
            return await parse.InvokeAsync(configuration);
        }

        // The error names the bad option; a full help page after it would bury that line.
        usageError.ShowHelp = false;
        var exitCode = await parse.InvokeAsync(configuration);
        parse.InvocationConfiguration.Error.WriteLine($"See '{HelpCommand(parse.CommandResult)}'.");
        return exitCode;
    }

    private static string HelpCommand(CommandResult command)
    {
        var names = new List<string>();
        for (var result = command; result is { Command: not RootCommand }; result = result.Parent as CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', ["conversations", .. names, "--help"]);
    }
}
