using System.Globalization;
using System.Text.Json.Nodes;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>Webhook payloads shaped exactly as Meta sends them, built per test from fresh numbers.</summary>
public static class MetaPayload
{
    public static JsonObject Envelope(params JsonObject[] entries) => new()
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(entries),
    };

    public static JsonObject Entry(string wabaId, params JsonObject[] changes) => new()
    {
        ["id"] = wabaId,
        ["changes"] = new JsonArray(changes),
    };

    public static JsonObject Change(string field, JsonObject value) => new() { ["field"] = field, ["value"] = value };

    /// <summary>A "messages" change value: inbound messages (with their senders as contacts) and statuses.</summary>
    public static JsonObject MessagesValue(string businessNumberId, IEnumerable<JsonObject>? messages = null, IEnumerable<JsonObject>? statuses = null)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = businessNumberId },
        };
        if (messages?.ToArray() is { Length: > 0 } inbound)
        {
            value["contacts"] = new JsonArray([.. inbound
                .Select(m => (string)m["from"]!)
                .Distinct()
                .Select(from => new JsonObject { ["profile"] = new JsonObject { ["name"] = "Customer" }, ["wa_id"] = from })]);
            value["messages"] = new JsonArray(inbound);
        }

        if (statuses?.ToArray() is { Length: > 0 } reported)
        {
            value["statuses"] = new JsonArray(reported);
        }

        return value;
    }

    /// <summary>One business number's inbound messages and statuses as a whole POST body.</summary>
    public static JsonObject Messages(string businessNumberId, IEnumerable<JsonObject>? messages = null, IEnumerable<JsonObject>? statuses = null) =>
        Envelope(Entry("102290129340398", Change("messages", MessagesValue(businessNumberId, messages, statuses))));

    public static JsonObject Text(string from, DateTimeOffset sentAt, string? wamid = null, string body = "hello") => new()
    {
        ["from"] = from,
        ["id"] = wamid ?? NewWamid(),
        ["timestamp"] = Seconds(sentAt),
        ["type"] = "text",
        ["text"] = new JsonObject { ["body"] = body },
    };

    public static JsonObject Status(string wamid, string status, string recipient, DateTimeOffset at, int? errorCode = null)
    {
        var reported = new JsonObject
        {
            ["id"] = wamid,
            ["status"] = status,
            ["timestamp"] = Seconds(at),
            ["recipient_id"] = recipient,
        };
        if (errorCode is { } code)
        {
            reported["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = code,
                ["title"] = $"Error {code}",
                ["message"] = $"Error {code}",
                ["error_data"] = new JsonObject { ["details"] = $"Details of {code}" },
            });
        }

        return reported;
    }

    public static JsonObject TemplateChange(string wabaId, string field, string name, string language, string property, string value) =>
        Envelope(Entry(wabaId, Change(field, new JsonObject
        {
            ["message_template_id"] = 1689556908129832,
            ["message_template_name"] = name,
            ["message_template_language"] = language,
            [property] = value,
        })));

    public static JsonObject UserPreference(string businessNumberId, string waId, string choice, DateTimeOffset at, string category = "marketing_messages") =>
        Envelope(Entry("102290129340398", Change("user_preferences", new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = businessNumberId },
            ["contacts"] = new JsonArray(new JsonObject { ["wa_id"] = waId, ["profile"] = new JsonObject { ["name"] = "Customer" } }),
            ["user_preferences"] = new JsonArray(new JsonObject
            {
                ["wa_id"] = waId,
                ["detail"] = "User requested to stop marketing messages",
                ["category"] = category,
                ["value"] = choice,
                ["timestamp"] = at.ToUnixTimeSeconds(),
            }),
        })));

    public static string NewWamid() => "wamid." + Guid.NewGuid().ToString("N");

    public static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The instant a webhook timestamp of <paramref name="at"/> stands for: Meta counts whole seconds.</summary>
    public static DateTimeOffset Truncated(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());
}
