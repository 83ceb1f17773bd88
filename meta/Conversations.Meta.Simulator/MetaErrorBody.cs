using System.Globalization;
using System.Text.Json.Nodes;

namespace Conversations.Meta.Simulator;

/// <summary>Meta's error body: <c>{"error":{"message","type","code","error_data":{"messaging_product","details"},"fbtrace_id"}}</c>.</summary>
public static class MetaErrorBody
{
    public const int InvalidParameter = 100;
    public const int InvalidAccessToken = 190;
    public const int ReEngagement = 131047;
    public const int Throughput = 130429;
    public const int EcosystemEngagement = 131049;
    public const int PairRate = 131056;
    public const int TemplateDoesNotExist = 132001;
    public const int TemplatePaused = 132015;
    public const int TemplateDisabled = 132016;
    public const int UserIdRecipientUnsupported = 131062;
    public const int ParameterValueNotValid = 131009;

    private static readonly Dictionary<int, (string Title, string Details)> s_known = new()
    {
        [InvalidParameter] = ("Invalid parameter", "The request has an invalid parameter."),
        [InvalidAccessToken] = ("Invalid OAuth access token - Cannot parse access token", "An access token is required."),
        [130429] = ("Rate limit hit", "Cloud API message throughput has been reached."),
        [131000] = ("Something went wrong", "Message failed to send due to an unknown error."),
        [131016] = ("Service unavailable", "A service is temporarily unavailable."),
        [131026] = ("Message Undeliverable", "Unable to deliver message."),
        [UserIdRecipientUnsupported] = ("Business-scoped user id recipients not supported", "Sending this message to a business-scoped user id is not supported; authentication templates need the recipient's phone number."),
        [ParameterValueNotValid] = ("Parameter value is not valid", "One or more parameter values are invalid."),
        [ReEngagement] = ("Re-engagement message", "Message failed to send because more than 24 hours have passed since the customer last replied to this number."),
        [131049] = ("This message was not delivered to maintain healthy ecosystem engagement.", "In order to maintain a healthy ecosystem engagement, the message failed to be delivered."),
        [131050] = ("Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.", "The recipient stopped marketing messages."),
        [131056] = ("(Business Account, Consumer Account) pair rate limit hit", "Too many messages sent from the sender phone number to the same recipient phone number in a short period of time."),
        [132001] = ("Template name does not exist in the translation", "The template does not exist in the specified language or has not been approved."),
        [132015] = ("Template is Paused", "Template is paused due to low quality so it cannot be sent in a template message."),
        [132016] = ("Template is Disabled", "Template has been paused too many times due to low quality and is now permanently disabled."),
    };

    public static string TitleOf(int code) => s_known.TryGetValue(code, out var known) ? known.Title : "Simulated error";

    public static string DetailsOf(int code) => s_known.TryGetValue(code, out var known) ? known.Details : "Injected by the Meta simulator.";

    public static JsonObject For(int code, string? title = null, string? details = null) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = $"(#{code.ToString(CultureInfo.InvariantCulture)}) {title ?? TitleOf(code)}",
            ["type"] = "OAuthException",
            ["code"] = code,
            ["error_data"] = new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["details"] = details ?? DetailsOf(code),
            },
            ["fbtrace_id"] = "SIM" + Guid.NewGuid().ToString("N")[..20],
        },
    };
}
