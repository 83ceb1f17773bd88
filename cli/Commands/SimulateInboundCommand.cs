using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conversations.Cli.Output;
using Conversations.Cli.Parsing;

namespace Conversations.Cli.Commands;

/// <summary>
/// Makes a simulated customer write through the local Meta simulator (<c>POST /simulator/inbound</c>), which opens its own
/// window and posts the signed <c>messages</c> webhook to the api: the real inbound path, unlike record-inbound.
/// </summary>
public static class SimulateInboundCommand
{
    public const string DefaultSimulator = "http://127.0.0.1:5081";

    // The simulator answers only after the api took its webhook, which waits for the grain to store the message.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var number = CommandOptions.BusinessNumber();
        var customer = new CustomerOptions();
        customer.UserId.Description = "The customer's business-scoped user id (BSUID): alone, a username user Meta names only by it; with --customer, both appear in the webhook.";
        var text = new Option<string>("--text") { Description = "What the customer writes.", Required = true };
        var name = new Option<string?>("--name") { Description = "The customer's WhatsApp profile name. [default: Simulated Customer]" };
        var waba = new Option<string?>("--waba")
        {
            Description = "The WABA id put in the webhook envelope; the simulator remembers it for this number's later webhooks.",
            HelpName = "waba_id",
        };
        var simulator = new Option<Uri>("--simulator")
        {
            Description = "Base address of the Meta simulator, which the api hosts when no Conversations:Meta:AccessToken is set.",
            HelpName = "url",
            DefaultValueFactory = _ => new Uri(DefaultSimulator),
            CustomParser = result =>
            {
                var value = result.Tokens[0].Value;
                if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                {
                    return uri;
                }

                result.AddError($"--simulator: '{value}' is not an http:// address such as {DefaultSimulator}.");
                return new Uri(DefaultSimulator);
            },
        };
        var command = new Command("simulate-inbound", "Makes a simulated customer write: the Meta simulator posts a signed webhook to the api, which opens the window.")
        {
            number,
            text,
            name,
            waba,
            simulator,
        };
        customer.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new JsonObject
            {
                ["phone_number_id"] = parse.GetRequiredValue(number),
                // Meta's wa_id has no '+'; operators type E.164 with one.
                ["from"] = customer.PhoneOf(parse).Trim().TrimStart('+'),
                ["text"] = parse.GetRequiredValue(text),
            };
            if (customer.UserIdOf(parse) is { Length: > 0 } userId)
            {
                request["user_id"] = userId.Trim();
            }

            if (parse.GetValue(name) is { Length: > 0 } profileName)
            {
                request["name"] = profileName;
            }

            if (parse.GetValue(waba) is { Length: > 0 } wabaId)
            {
                request["waba_id"] = wabaId;
            }

            return await Post(parse.GetRequiredValue(simulator), request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> Post(Uri simulator, JsonObject request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = simulator, Timeout = CallTimeout };
        var display = ServerAddress.Display(simulator);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync("simulator/inbound", request, cancellationToken);
        }
        catch (HttpRequestException failure)
        {
            error.WriteLine($"cannot reach the Meta simulator at {display}: {Innermost(failure).Message}");
            error.WriteLine("The api hosts it when no Conversations:Meta:AccessToken is set: start it with `dotnet run --project api`, or pass --simulator.");
            return ExitCodes.Unreachable;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error.WriteLine($"cannot reach the Meta simulator at {display}: no answer within {CallTimeout.TotalSeconds:0} s.");
            return ExitCodes.Unreachable;
        }

        using (response)
        {
            var body = await ReadJson(response, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    var sentAt = long.TryParse(Str(body?["timestamp"]), NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
                        ? Instant.Format(DateTimeOffset.FromUnixTimeSeconds(unix))
                        : "now";
                    var (phone, bsuid) = (Str(request["from"]) ?? "", Str(request["user_id"]) ?? "");
                    var named = phone.Length > 0 ? $"--customer +{phone}" : $"--customer-user-id {bsuid}";
                    output.WriteLine($"customer {ConversationPrinter.Customer(phone, bsuid)} wrote to {Str(request["phone_number_id"])} at {sentAt} as {Str(body?["messages"]?[0]?["id"])}");
                    output.WriteLine($"the api took the signed webhook; `conversations show --number {Str(request["phone_number_id"])} {named}` shows the window.");
                    return ExitCodes.Success;
                case HttpStatusCode.BadGateway:
                    error.WriteLine($"the simulator took the message ({Str(body?["messages"]?[0]?["id"])}) but the api did not take its webhook.");
                    error.WriteLine("Is the api's webhook endpoint running (Conversations:Meta:Simulator:WebhookUrl), with the same Conversations:Webhooks:AppSecret?");
                    return ExitCodes.Refused;
                default:
                    error.WriteLine($"failed: the simulator at {display} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                    if (Str(body?["error"]) is { } problem)
                    {
                        error.WriteLine(problem);
                    }

                    return ExitCodes.Refused;
            }
        }
    }

    private static async Task<JsonNode?> ReadJson(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // Whatever answered is not the simulator; the status line says enough.
            return null;
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The innermost exception says "Connection refused"; the outer one only says the request failed.</summary>
    private static Exception Innermost(Exception failure)
    {
        while (failure.InnerException is not null)
        {
            failure = failure.InnerException;
        }

        return failure;
    }
}
