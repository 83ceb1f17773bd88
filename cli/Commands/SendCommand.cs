using System.CommandLine;

namespace Conversations.Cli.Commands;

/// <summary>`send text` and `send template`; the server, not the CLI, decides whether the window allows it.</summary>
public static class SendCommand
{
    public static Command Create(ServerConnection server) =>
        new("send", "Sends a message to a customer.")
        {
            SendTextCommand.Create(server),
            SendTemplateCommand.Create(server),
        };
}
