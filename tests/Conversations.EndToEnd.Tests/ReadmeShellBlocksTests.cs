extern alias cli;

using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conversations.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using OperatorCommandLine = cli::Conversations.Cli.OperatorCommandLine;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests;

/// <summary>
/// Every fenced block of the README that holds a command is run by a test, and the blocks no other class runs are run
/// here as written: the simulator's curl, the dead-letter grpcurl, and the development-key block of "Authentication".
/// </summary>
[Collection(LoopbackCollection.Name)]
public sealed partial class ReadmeShellBlocksTests(LoopbackApi api)
{
    /// <summary>The README's WABA, which its walkthroughs register the README's business number to.</summary>
    private const string ReadmeWaba = "102290129340398";

    /// <summary>Who runs each fenced block, by section and position in it; a block added without a runner fails the inventory.</summary>
    private static readonly Dictionary<(string Section, int Block), string> s_runners = new()
    {
        [("## Quick start: two commands", 0)] = $"{nameof(LoopbackApi)}: the api as `dotnet run --project api` starts it, on free ports",
        [("## Quick start: two commands", 1)] = "./test.sh, which is what runs these tests",
        [("## Round trip with the CLI", 0)] = nameof(ReadmeCliTranscriptTests),
        [("## Round trip with the CLI", 1)] = nameof(ReadmeCliTranscriptTests),
        [("## Round trip with the CLI", 2)] = nameof(ReadmeCliTranscriptTests),
        [("## The same with grpcurl", 0)] = nameof(ReadmeGrpcurlTests),
        [("## Meta simulator and webhooks", 0)] = nameof(ReadmeCliTranscriptTests),
        [("## Meta simulator and webhooks", 1)] = nameof(The_simulator_curl_and_the_dead_letter_grpcurl_of_the_README_get_their_answers_from_the_development_api),
        [("## Meta simulator and webhooks", 2)] = nameof(The_simulator_curl_and_the_dead_letter_grpcurl_of_the_README_get_their_answers_from_the_development_api),
        [("## Authentication", 0)] = nameof(The_development_key_block_starts_an_api_that_takes_the_token_the_CLI_minted_and_refuses_a_call_without_it),
        [("## Authentication", 1)] = nameof(ReadmeMutualTlsTests),
    };

    [Fact]
    public void Every_fenced_block_of_the_README_is_run_by_a_test()
    {
        // Act
        var blocks = FencedBlocks(RepositoryFiles.Read("README.md")).Select(b => (b.Section, b.Index)).ToList();

        // Assert
        Assert.Equal(s_runners.Keys.Order(), blocks.Order());
    }

    [Fact]
    public async Task The_simulator_curl_and_the_dead_letter_grpcurl_of_the_README_get_their_answers_from_the_development_api()
    {
        // Arrange: the README's walkthrough registered its number first; registering it again changes nothing.
        var blocks = FencedBlocks(RepositoryFiles.Read("README.md")).Where(b => b.Section == "## Meta simulator and webhooks" && b.Language == "sh").ToList();
        // A fresh shell has no token: in development mode the api needs none, and `$CONVERSATIONS_TOKEN` is empty.
        var calls = await ShellCommands.Expand("CONVERSATIONS_TOKEN=\n" + string.Join('\n', blocks.Select(b => b.Body)), "curl", "grpcurl");
        Assert.Equal(["curl", "grpcurl"], calls.Select(c => c[0]));
        var (curl, grpcurl) = (calls[0], calls[1]);
        var inbound = JsonNode.Parse(curl[curl.IndexOf("-d") + 1])!;
        var number = (string)inbound["phone_number_id"]!;
        await api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest { BusinessNumberId = number, WabaId = ReadmeWaba });
        using var channel = GrpcChannel.ForAddress(api.GrpcAddress);

        // Act
        var url = new Uri(curl[curl.IndexOf("-X") + 2]);
        using var http = new HttpClient { BaseAddress = api.SimulatorAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var posted = await http.PostAsync(url.PathAndQuery, new StringContent(curl[curl.IndexOf("-d") + 1], System.Text.Encoding.UTF8, "application/json"));
        var answer = await posted.Content.ReadFromJsonAsync<JsonObject>();
        var conversation = await api.Conversations.GetConversationAsync(new V1.GetConversationRequest { BusinessNumberId = number, Customer = "+" + (string)inbound["from"]! });
        Assert.Equal(("-plaintext", "localhost:5000"), (grpcurl[1], grpcurl[^2]));
        var deadLetters = await ReadmeGrpcCall.Invoke(channel.CreateCallInvoker(), grpcurl[^1], grpcurl[grpcurl.IndexOf("-d") + 1], ReadmeGrpcCall.Headers(grpcurl));

        // Assert
        Assert.Equal((("127.0.0.1", 5081), "POST"), ((url.Host, url.Port), curl[curl.IndexOf("-X") + 1]));
        Assert.Equal((HttpStatusCode.OK, true), (posted.StatusCode, (bool)answer!["webhook_delivered"]!));
        Assert.True(conversation.Conversation.WindowOpen, "the simulator's webhook opens our window");
        Assert.Equal(("conversations.v1.BusinessNumbersService/ListDeadLetters", StatusCode.OK, (string?)null), (grpcurl[^1], deadLetters.Code, deadLetters.Reason));
    }

    [Fact]
    public async Task The_development_key_block_starts_an_api_that_takes_the_token_the_CLI_minted_and_refuses_a_call_without_it()
    {
        // Arrange: bash runs the block; `dotnet run --project api` writes the environment it would start with, `dotnet
        // run --project cli --` runs the CLI built beside these tests, and grpcurl prints its arguments.
        var block = FencedBlocks(RepositoryFiles.Read("README.md")).First(b => b.Section == "## Authentication" && b.Language == "sh").Body;
        var directory = Directory.CreateTempSubdirectory("conversations-readme-auth-").FullName;
        try
        {
            var cli = Path.Combine(AppContext.BaseDirectory, "conversations.dll");
            var functions = $$"""
                dotnet() {
                  if [ "$*" = "run --project api" ]; then env -0 > api.env
                  elif [ "$1 $2 $3 $4" = "run --project cli --" ]; then shift 4; command dotnet '{{cli}}' "$@"
                  else echo "a dotnet command this test cannot run: $*" >&2; return 1; fi
                }
                grpcurl() { printf '%s\0' "$@"; }

                """;
            var grpcurl = (await ShellCommands.Run(functions + block + "\nwait\n", directory)).Split('\0', StringSplitOptions.RemoveEmptyEntries);
            var settings = File.ReadAllText(Path.Combine(directory, "api.env")).Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('=', 2))
                .Where(pair => pair[0].StartsWith("Conversations__Auth__", StringComparison.Ordinal))
                .ToDictionary(pair => pair[0].Replace("__", ":", StringComparison.Ordinal), pair => pair[1]);
            Assert.Equal(3, settings.Count);
            await using var authApi = new SettingsApi(settings);
            await authApi.InitializeAsync();
            using var channel = GrpcChannel.ForAddress(authApi.GrpcAddress);
            var headers = ReadmeGrpcCall.Headers(grpcurl);
            var request = new V1.GetBusinessNumberRequest { BusinessNumberId = TestNumbers.BusinessNumberId() };
            var numbers = new V1.BusinessNumbersService.BusinessNumbersServiceClient(channel);

            // Act
            var services = await ListServices(channel, headers);

            // Assert: the token gets past authentication (the number is simply unknown); without it, no caller.
            Assert.Equal(("-plaintext", "localhost:5000", "list"), (grpcurl[0], grpcurl[^2], grpcurl[^1]));
            Assert.Contains("conversations.v1.ConversationsService", services);
            await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER", () => numbers.GetBusinessNumberAsync(request, headers).ResponseAsync);
            await Refused.With(StatusCode.Unauthenticated, "TOKEN_MISSING", () => numbers.GetBusinessNumberAsync(request).ResponseAsync);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_inline_CLI_grpcurl_and_simulator_examples_of_the_README_work_as_written()
    {
        // Arrange: the examples in the README's prose, each read from it; a fresh number, WABA and customers.
        var readme = RepositoryFiles.Read("README.md");
        string Inline(string pattern)
        {
            var match = Regex.Match(readme, pattern);
            Assert.True(match.Success, $"the README no longer has {pattern}");
            return match.Groups[1].Value;
        }

        var sentAt = Inline(@"`record-inbound (--sent-at \S+)`").Split(' ');
        var named = Inline(@"`send template (--named \S+)`").Split(' ');
        var namedJson = Inline(@"`(""namedParameters"": \{[^`]+\})` inside `template`");
        var fault = JsonNode.Parse(Inline(@"`POST /simulator/faults` makes the next sends fail \(for example\s+`(\{[^`]+\})`"))!.AsObject();
        Assert.Contains("`dotnet run --project cli -- --help` lists the commands", readme, StringComparison.Ordinal);
        var scenario = new LoopbackScenario(api);
        var number = await scenario.RegisterNumber();
        await api.Templates.UpsertTemplateAsync(new V1.UpsertTemplateRequest
        {
            WabaId = number.WabaId,
            Name = "appointment",
            Language = "en_US",
            Category = V1.TemplateCategory.Utility,
            Status = V1.TemplateStatus.Approved,
            Body = "Hi {{first_name}}, your appointment is tomorrow at 10.",
        });
        var (recordedCustomer, grpcurlCustomer, faultedCustomer) = ("+" + TestNumbers.Customer(), "+" + TestNumbers.Customer(), TestNumbers.Customer());
        fault["to"] = faultedCustomer;
        using var channel = GrpcChannel.ForAddress(api.GrpcAddress);
        using var http = new HttpClient { BaseAddress = api.SimulatorAddress, Timeout = TimeSpan.FromSeconds(10) };

        // Act
        var help = await Cli("--help");
        var recorded = await Cli(["record-inbound", "--number", number.BusinessNumberId, "--customer", recordedCustomer, "--text", "Hello?", .. sentAt]);
        var sent = await Cli(["send", "template", "--number", number.BusinessNumberId, "--customer", recordedCustomer, "--name", "appointment", "--language", "en_US", .. named]);
        var grpcurl = await ReadmeGrpcCall.Invoke(channel.CreateCallInvoker(), "conversations.v1.ConversationsService/Send",
            $$$"""{"businessNumberId": "{{{number.BusinessNumberId}}}", "customer": "{{{grpcurlCustomer}}}", "idempotencyKey": "named-1", "template": {"name": "appointment", "language": "en_US", {{{namedJson}}}}}""");
        using var injected = await http.PostAsync("/simulator/faults", new StringContent(fault.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var faulted = await Assert.ThrowsAsync<RpcException>(() => api.Conversations.SendAsync(new V1.SendRequest
        {
            BusinessNumberId = number.BusinessNumberId,
            Customer = faultedCustomer,
            IdempotencyKey = "faulted-1",
            Template = new V1.TemplateContent { Name = "appointment", Language = "en_US", NamedParameters = { ["first_name"] = "Ana" } },
        }).ResponseAsync);
        var listed = await http.GetFromJsonAsync<JsonObject>("/simulator/messages");

        // Assert
        Assert.Equal(0, help.ExitCode);
        Assert.All(new[] { "register-number", "record-inbound", "send", "upsert-template", "simulate-inbound" }, command => Assert.Contains(command, help.Output, StringComparison.Ordinal));
        Assert.Equal((0, ""), (recorded.ExitCode, recorded.Error));
        Assert.Contains("sent at 2026-11-25T10:00:00Z", recorded.Output, StringComparison.Ordinal);
        Assert.Equal((0, ""), (sent.ExitCode, sent.Error));
        Assert.StartsWith("accepted TEMPLATE message", sent.Output, StringComparison.Ordinal);
        Assert.Equal((StatusCode.OK, (string?)null), grpcurl);
        Assert.Equal(HttpStatusCode.NoContent, injected.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, faulted.StatusCode);
        Assert.Equal("131026", faulted.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["whatsapp_code"]);
        Assert.Contains(listed!["data"]!.AsArray(), m => (string?)m!["body"]?["to"] == faultedCustomer && (int?)m["error_code"] == 131026);
    }

    private async Task<(int ExitCode, string Output, string Error)> Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await OperatorCommandLine.RunAsync(["--address", api.GrpcAddress.ToString(), .. args], new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private sealed record FencedBlock(string Section, int Index, string Language, string Body);

    private static List<FencedBlock> FencedBlocks(string readme)
    {
        var blocks = new List<FencedBlock>();
        foreach (Match section in Section().Matches(readme))
        {
            var heading = section.Groups["heading"].Value;
            blocks.AddRange(Fence().Matches(section.Value).Select((block, i) => new FencedBlock(heading, i, block.Groups["language"].Value, block.Groups["body"].Value)));
        }

        return blocks;
    }

    private static async Task<List<string>> ListServices(GrpcChannel channel, Metadata headers)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(headers);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return [.. call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name)];
    }

    [GeneratedRegex(@"^(?<heading>## [^\n]+)\n.*?(?=^## |\z)", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Section();

    [GeneratedRegex(@"^```(?<language>\w*)\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();

    /// <summary>The loopback api with more settings, here the README's bearer-token settings.</summary>
    private sealed class SettingsApi(IReadOnlyDictionary<string, string> settings) : LoopbackApi
    {
        protected override IReadOnlyDictionary<string, string> MoreSettings => settings;
    }
}
