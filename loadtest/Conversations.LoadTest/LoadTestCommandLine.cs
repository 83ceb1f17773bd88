using System.CommandLine;
using System.CommandLine.Parsing;
using Conversations.Auth;
using Conversations.LoadTest.Relay;
using Conversations.LoadTest.Scenarios;

namespace Conversations.LoadTest;

/// <summary>The `conversations-loadtest` command: one root command, every knob an option.</summary>
public static class LoadTestCommandLine
{
    public const string AllScenarios = "all";

    public const string ServeRelayOption = "--serve-relay";

    public const string MetaOption = "--meta";

    public static RootCommand Create()
    {
        var address = new Option<Uri>("--address")
        {
            Description = "gRPC endpoint of the Conversations api; http:// speaks HTTP/2 without TLS.",
            HelpName = "url",
            DefaultValueFactory = _ => new Uri("http://localhost:5000"),
            CustomParser = result => ParseAddress(result, "--address"),
        };
        var token = new Option<string?>("--token")
        {
            Description = $"Bearer token every gRPC call to the api carries (authorization: Bearer); ${BearerToken.EnvironmentVariable} when not given. "
                + "An api in development mode needs none; `conversations token` mints one with a development key.",
            HelpName = "jwt",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(BearerToken.EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null,
        };
        var scenario = new Option<string>("--scenario")
        {
            Description = $"What to drive. Every run also measures the baseline in the same run, for the ratio. '{AllScenarios}' is "
                + $"{string.Join(", ", ScenarioCatalog.InAll)}; {WindowsScenario.ScenarioName} is left out of it because it runs for minutes and leaves a million conversations behind, "
                + $"{PacingScenario.ScenarioName} because it holds one number at its throughput and is judged on its own.",
            HelpName = string.Join('|', [.. ScenarioCatalog.Names, AllScenarios]),
            DefaultValueFactory = _ => AllScenarios,
        };
        scenario.AcceptOnlyFromAmong([.. ScenarioCatalog.Names, AllScenarios]);
        var duration = DurationOption("--duration", "How long each scenario is measured.", TimeSpan.FromSeconds(20));
        var warmup = DurationOption("--warmup", "Load before each measurement that is not counted (tiered JIT, connections, grain activation); on 2 cores the api still compiles for most of a minute.", TimeSpan.FromSeconds(60));
        var concurrency = PositiveOption("--concurrency", "Requests in flight at once: this many worker loops share one HTTP/2 channel; also bounds setup.", 64);
        var rate = new Option<double?>("--rate")
        {
            Description = "Target requests/s over all workers for the scenarios (open loop; latency counted from the intended start); the baseline still runs flat out. Unset: as fast as the server answers "
                + $"({PacingScenario.ScenarioName}: --throughput).",
            HelpName = "per_second",
            Validators = { result => RejectNonPositive(result, "--rate") },
        };
        var conversations = PositiveOption("--conversations", "uniform, chatbot: conversations whose windows setup opens, and over which sends are spread; webhooks: customers the messages come from; "
            + $"{PacingScenario.ScenarioName}: at most this many customers (rate × 10 s of them, so each gets a message every 10 s).", 100_000);
        var numbers = PositiveOption("--numbers", "uniform: business numbers the conversations are spread over (Meta limits throughput per number).", 1);
        var throughput = PositiveOption("--throughput", "Messages per second each scenario's business numbers are registered with; Meta allows 80, or 1,000 after an upgrade, and the server refuses more than its Conversations:Limits:MaxThroughputPerSecond.", 1_000);
        var customers = PositiveOption("--customers", "broadcast: distinct, never-written customers available; the scenario stops early when they run out.", 1_000_000);
        var userIdShare = new Option<double>("--user-id-share")
        {
            Description = "uniform, evaluate: the share of customers (0 to 1) known only by a business-scoped user id (BSUID), as username users are.",
            HelpName = "share",
            DefaultValueFactory = _ => 0,
            Validators =
            {
                result =>
                {
                    if (result.Tokens.Count == 1
                        && (!double.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var share) || share is < 0 or > 1))
                    {
                        result.AddError("--user-id-share must be a number from 0 to 1.");
                    }
                },
            },
        };
        var webhookUrl = new Option<Uri>("--webhook-url")
        {
            Description = "webhooks: the api's webhook endpoint on its HTTP/1.1 port (Kestrel:Endpoints:Http).",
            HelpName = "url",
            DefaultValueFactory = _ => new Uri("http://localhost:5080/webhooks/whatsapp"),
            CustomParser = result => ParseAddress(result, "--webhook-url"),
        };
        var appSecret = new Option<string>("--app-secret")
        {
            Description = "webhooks: the Meta app secret the api checks X-Hub-Signature-256 with (Conversations:Webhooks:AppSecret; local default local-dev-secret).",
            HelpName = "secret",
            DefaultValueFactory = _ => "local-dev-secret",
        };
        var batch = PositiveOption("--batch", "webhooks: inbound messages per signed POST.", 100);
        var streams = PositiveOption("--streams", "chatbot: concurrent StreamSends streams (bots); the --concurrency sends in flight are spread over them.", 16);
        var windows = PositiveOption("--windows", "windows: windows to open (RecordInbound, bounded by --concurrency) between the two memory readings.", 1_000_000);
        var idle = DurationOption("--idle", "windows: after the second reading, leave the windows idle this long and read again, to see them "
            + "with their activations collected (the api's Conversations:Hosting:ConversationIdleTimeout, plus a minute). 0: no third reading.", TimeSpan.Zero);
        var redis = new Option<string?>("--redis")
        {
            Description = "The api's Redis (what ConnectionStrings__Redis says): every scenario reports Redis CPU, bytes in and AOF bytes per ok item from INFO at the start "
                + "and end of its measurement; windows also used_memory per window. Unset: the api stores in memory.",
            HelpName = "host:port",
        };
        var output = new Option<DirectoryInfo?>("--output")
        {
            Description = "Directory for the run's JSON and markdown reports. Unset: console only.",
            HelpName = "dir",
        };
        var simulator = OptionalAddressOption("--meta-simulator", "uniform: open windows the way a customer does, through the local Meta simulator (POST /simulator/inbound, "
            + "which signs and posts the webhook to the api), so the simulator's own 24 h rule agrees. Unset: RecordInbound on the api.");
        var serverPid = PidOption("--server-pid", "Process id of the api on this machine, to report its CPU use beside the load tester's (and, for windows, its memory).");
        var relay = OptionalAddressOption("--relay", "relay: gRPC address of the relay floor, this tool started elsewhere with --serve-relay. Unset: the relay scenario is skipped.");
        var relayPid = PidOption("--relay-pid", "relay: process id of the relay server (it prints it), for its CPU per send.");
        var relayMetaSimulator = OptionalAddressOption("--relay-meta-simulator", "relay: the Meta simulator the relay server posts to, where setup opens the relay's windows. Unset: --meta-simulator.");
        var serveRelay = new Option<int?>(ServeRelayOption)
        {
            Description = "Do not load anything: serve the relay floor on this localhost port (gRPC conversations.v1.ConversationsService/Send, "
                + "posted to --meta over HTTP, answered with a receipt) until Ctrl+C.",
            HelpName = "port",
            Validators =
            {
                result =>
                {
                    if (result.Tokens.Count == 1 && (!int.TryParse(result.Tokens[0].Value, out var port) || port is < 1 or > 65535))
                    {
                        result.AddError($"{ServeRelayOption} must be a port from 1 to 65535.");
                    }
                },
            },
        };
        var meta = OptionalAddressOption(MetaOption, $"With {ServeRelayOption}: the Meta simulator's base address the relay posts sends to, e.g. http://127.0.0.1:5189.");

        var root = new RootCommand("Load tester for the Conversations gRPC front door: throughput, latency percentiles and outcomes by reason, each scenario as a ratio to the same run's baseline "
            + $"and, for sends, to the relay floor ({ServeRelayOption}).")
        {
            address, token, scenario, duration, warmup, concurrency, rate, conversations, numbers, throughput, customers, userIdShare, simulator,
            webhookUrl, appSecret, batch, streams, windows, idle, redis, output, serverPid, relay, relayPid, relayMetaSimulator, serveRelay, meta,
        };
        root.Validators.Add(result =>
        {
            var serving = result.GetResult(serveRelay) is not null;
            var hasMeta = result.GetResult(meta) is not null;
            if (serving && !hasMeta)
            {
                result.AddError($"{ServeRelayOption} needs {MetaOption} <url>: the Meta simulator the relay posts to.");
            }
            else if (hasMeta && !serving)
            {
                result.AddError($"{MetaOption} only applies to {ServeRelayOption}; the load tester's simulators are --meta-simulator and --relay-meta-simulator.");
            }
        });
        root.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(serveRelay) is { } port)
            {
                return RelayServer.RunAsync(port, parse.GetValue(meta)!, cancellationToken);
            }

            var chosen = parse.GetRequiredValue(scenario);
            var settings = new LoadTestSettings(
                parse.GetRequiredValue(address),
                chosen == AllScenarios ? ScenarioCatalog.InAll : [chosen],
                parse.GetRequiredValue(duration),
                parse.GetRequiredValue(warmup),
                parse.GetRequiredValue(concurrency),
                parse.GetValue(rate),
                parse.GetRequiredValue(conversations),
                parse.GetRequiredValue(numbers),
                parse.GetRequiredValue(customers),
                parse.GetValue(output),
                parse.GetValue(serverPid),
                parse.GetValue(simulator))
            {
                Token = parse.GetValue(token),
                WebhookUrl = parse.GetRequiredValue(webhookUrl),
                AppSecret = parse.GetRequiredValue(appSecret),
                Batch = parse.GetRequiredValue(batch),
                Streams = parse.GetRequiredValue(streams),
                Windows = parse.GetRequiredValue(windows),
                Idle = parse.GetRequiredValue(idle),
                Redis = parse.GetValue(redis),
                Throughput = parse.GetRequiredValue(throughput),
                UserIdShare = parse.GetValue(userIdShare),
                Relay = parse.GetValue(relay),
                RelayPid = parse.GetValue(relayPid),
                RelayMetaSimulator = parse.GetValue(relayMetaSimulator),
            };
            return new LoadTestRun(settings).RunAsync(cancellationToken);
        });
        return root;
    }

    public static Task<int> RunAsync(string[] args) => Create().Parse(args).InvokeAsync();

    private static Option<TimeSpan> DurationOption(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = $"{description} 20s, 500ms, 2m or 00:00:20.",
        HelpName = "duration",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (LoadDuration.TryParse(text, out var parsed))
            {
                return parsed;
            }

            result.AddError($"{name}: '{text}' is not a duration such as 20s, 500ms or 2m.");
            return defaultValue;
        },
    };

    private static Option<Uri?> OptionalAddressOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "url",
        CustomParser = result => ParseAddress(result, name),
    };

    private static Option<int?> PidOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "pid",
    };

    private static Option<int> PositiveOption(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        HelpName = "n",
        DefaultValueFactory = _ => defaultValue,
        Validators = { result => RejectNonPositive(result, name) },
    };

    private static void RejectNonPositive(OptionResult result, string name)
    {
        if (result.Tokens.Count == 1
            && double.TryParse(result.Tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value <= 0)
        {
            result.AddError($"{name} must be positive.");
        }
    }

    private static Uri ParseAddress(ArgumentResult result, string name)
    {
        var text = result.Tokens[0].Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        result.AddError($"{name}: '{text}' is not an http:// or https:// address such as http://localhost:5000.");
        return new Uri("http://localhost:5000");
    }
}
