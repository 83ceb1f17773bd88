using System.Text.RegularExpressions;
using Conversations.Testing;

namespace Conversations.Api.Tests.Startup;

/// <summary>
/// docker-compose.yml starts nothing with a public secret and publishes nothing beyond this machine unless told to:
/// Compose refuses to start until the webhook secrets are set, and the ports bind 127.0.0.1 by default.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string[] s_lines = RepositoryFiles.Read("docker-compose.yml").Split('\n');

    [Theory]
    [InlineData("Conversations__Webhooks__AppSecret")]
    [InlineData("Conversations__Webhooks__VerifyToken")]
    public void A_webhook_secret_has_no_default_and_Compose_refuses_to_start_without_it(string variable)
    {
        // Act
        var value = Assert.Single(s_lines, l => l.TrimStart().StartsWith(variable + ":", StringComparison.Ordinal));

        // Assert
        Assert.Matches(Required(), value);
    }

    [Fact]
    public void Every_published_port_binds_127_0_0_1_unless_CONVERSATIONS_BIND_says_otherwise()
    {
        // Act
        var published = s_lines.Where(l => PublishedPort().IsMatch(l)).ToList();

        // Assert
        Assert.NotEmpty(published);
        Assert.All(published, l => Assert.Contains("\"${CONVERSATIONS_BIND:-127.0.0.1}:", l, StringComparison.Ordinal));
    }

    /// <summary>${NAME:?message}: Compose stops with the message when NAME is unset or empty.</summary>
    [GeneratedRegex(@":\s*\$\{[A-Z_]+:\?[^}]+\}\s*$")]
    private static partial Regex Required();

    /// <summary>A port mapping line, "host:container" with or without an address in front.</summary>
    [GeneratedRegex(@"^\s*-\s*""[^""]*\d+:\d+""\s*$")]
    private static partial Regex PublishedPort();
}
