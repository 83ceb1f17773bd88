using System.CommandLine;
using Conversations.Auth;

namespace Conversations.Cli;

/// <summary>The global --token option: the command line wins, then CONVERSATIONS_TOKEN; none for an api in development mode.</summary>
public static class ServerToken
{
    public static Option<string?> CreateOption() => new("--token")
    {
        Description = $"Bearer token for the api (sent as authorization: Bearer); ${BearerToken.EnvironmentVariable} when not given. An api in development mode needs none; `conversations token` mints one with a development key.",
        HelpName = "jwt",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(BearerToken.EnvironmentVariable) is { Length: > 0 } token ? token : null,
    };
}
