using System.Diagnostics;
using System.Text.RegularExpressions;
using Conversations.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests;

/// <summary>
/// The README's grpcurl block, run as written: bash expands each command (quoting, <c>$(date ...)</c>) into its argv,
/// and each call is then made the way grpcurl makes it, from the proto3 JSON body against the contract's descriptors,
/// over loopback to the api (a curl to the simulator goes to the test's simulator). A call the README marks
/// "# Refused:" must fail with that status and reason; every other call must succeed.
/// </summary>
[Collection(LoopbackCollection.Name)]
public sealed partial class ReadmeGrpcurlTests(LoopbackApi api)
{
    [Fact]
    public async Task Every_grpcurl_example_in_the_README_gets_the_answer_the_README_gives()
    {
        // Arrange
        var block = GrpcurlBlock(RepositoryFiles.Read("README.md"));
        var calls = await Expand(block);
        var refusals = ExpectedRefusals(block);
        using var channel = GrpcChannel.ForAddress(api.GrpcAddress);

        // Act
        var outcomes = new List<(string Method, StatusCode Code, string? Reason)>();
        foreach (var call in calls)
        {
            outcomes.Add(call.Method.StartsWith("POST ", StringComparison.Ordinal)
                ? await Post(call)
                : await Invoke(channel.CreateCallInvoker(), call));
        }

        // Assert
        Assert.Equal(calls.Count, refusals.Count);
        Assert.True(calls.Count >= 8, $"Expected the README's walkthrough, found {calls.Count} grpcurl calls.");
        Assert.Equal(
            refusals.Select((refusal, i) => (calls[i].Method, refusal?.Code ?? StatusCode.OK, refusal?.Reason)),
            outcomes);
    }

    private sealed record GrpcurlCall(string Method, string Json);

    private static string GrpcurlBlock(string readme)
    {
        var section = readme[readme.IndexOf("## The same with grpcurl", StringComparison.Ordinal)..];
        return ShBlock().Match(section).Groups["body"].Value;
    }

    /// <summary>Each call's expected refusal, from a "# Refused: FailedPrecondition, ... reason WINDOW_CLOSED" comment above it.</summary>
    private static List<(StatusCode Code, string Reason)?> ExpectedRefusals(string block)
    {
        var expected = new List<(StatusCode Code, string Reason)?>();
        (StatusCode, string)? pending = null;
        foreach (var line in block.Split('\n'))
        {
            if (RefusedComment().Match(line) is { Success: true } refused)
            {
                pending = (Enum.Parse<StatusCode>(refused.Groups["status"].Value), refused.Groups["reason"].Value);
            }
            else if (line.StartsWith("grpcurl ", StringComparison.Ordinal) || line.StartsWith("curl ", StringComparison.Ordinal))
            {
                expected.Add(pending);
                pending = null;
            }
        }

        return expected;
    }

    /// <summary>Each grpcurl or curl call of the block, as bash expands it.</summary>
    private static async Task<List<GrpcurlCall>> Expand(string block)
    {
        var calls = new List<GrpcurlCall>();
        foreach (var args in await ShellCommands.Expand(block, "grpcurl", "curl"))
        {
            var body = args[args.IndexOf("-d") + 1];
            if (args[0] == "curl")
            {
                Assert.Equal("POST", args[args.IndexOf("-X") + 1]);
                var url = new Uri(args[args.IndexOf("-X") + 2]);
                Assert.Equal(("127.0.0.1", 5081), (url.Host, url.Port));
                calls.Add(new GrpcurlCall("POST " + url.PathAndQuery, body));
            }
            else
            {
                Assert.Equal("-plaintext", args[1]);
                Assert.Equal("localhost:5000", args[^2]);
                calls.Add(new GrpcurlCall(args[^1], body));
            }
        }

        return calls;
    }

    /// <summary>The README's simulator is the default 127.0.0.1:5081; the test's listens on a free port.</summary>
    private async Task<(string Method, StatusCode Code, string? Reason)> Post(GrpcurlCall call)
    {
        using var http = new HttpClient { BaseAddress = api.SimulatorAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var content = new StringContent(call.Json, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(call.Method["POST ".Length..], content);
        Assert.True(response.IsSuccessStatusCode, $"{call.Method}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (call.Method, StatusCode.OK, null);
    }

    private static async Task<(string Method, StatusCode Code, string? Reason)> Invoke(CallInvoker invoker, GrpcurlCall call)
    {
        var (code, reason) = await ReadmeGrpcCall.Invoke(invoker, call.Method, call.Json);
        return (call.Method, code, reason);
    }

    [GeneratedRegex(@"```sh\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShBlock();

    [GeneratedRegex(@"^# Refused: (?<status>\w+),.*reason (?<reason>[A-Z_]+)")]
    private static partial Regex RefusedComment();
}
