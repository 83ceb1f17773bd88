using Conversations.Testing;

namespace Conversations.Cli.Tests;

/// <summary>Nobody listening at --address is exit code 3, told apart from a refusal (2) so a script can retry it.</summary>
public sealed class UnreachableServerTests
{
    [Theory]
    [InlineData("register-number", "--number", "106540352242922", "--waba", "102290129340398", "--throughput", "80")]
    [InlineData("messaging-limit", "--portfolio", "102290129340398")]
    [InlineData("messaging-limit", "--portfolio", "102290129340398", "--tier", "2K")]
    [InlineData("show", "--number", "106540352242922", "--customer", "+16505551234")]
    public async Task A_closed_port_exits_with_3_and_names_the_address(params string[] args)
    {
        // A port that was free a moment ago: nothing accepts the connection.
        var address = $"http://127.0.0.1:{FreePort.Next()}";

        var run = await Cli.Run([.. args, "--address", address]);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.StartsWith($"cannot reach {address}: ", run.Error, StringComparison.Ordinal);
    }
}
