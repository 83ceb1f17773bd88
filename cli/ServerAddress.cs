using System.CommandLine;
using System.CommandLine.Parsing;

namespace Conversations.Cli;

/// <summary>The global --address option: the command line wins, then CONVERSATIONS_ADDRESS, then localhost.</summary>
public static class ServerAddress
{
    public const string EnvironmentVariable = "CONVERSATIONS_ADDRESS";
    public const string Default = "http://localhost:5000";

    public static Option<Uri> CreateOption() => new("--address")
    {
        Description = $"gRPC endpoint of the Conversations api; http:// speaks HTTP/2 without TLS. ${EnvironmentVariable} overrides the default.",
        HelpName = "url",
        Recursive = true,
        CustomParser = result => Parse(result.Tokens[0].Value, "--address", result),
        DefaultValueFactory = result =>
            Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
                ? Parse(fromEnvironment, EnvironmentVariable, result)
                : new Uri(Default),
    };

    /// <summary>The address as the operator typed it: Uri adds a trailing '/' that nobody types.</summary>
    public static string Display(Uri address) =>
        address.AbsolutePath == "/" && address.Query.Length == 0 ? address.GetLeftPart(UriPartial.Authority) : address.ToString();

    private static Uri Parse(string text, string source, ArgumentResult result)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        result.AddError($"{source}: '{text}' is not an http:// or https:// address such as {Default}.");
        return new Uri(Default);
    }
}
