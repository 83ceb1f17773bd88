using System.Globalization;
using System.Text.Json.Nodes;
using Conversations.Abstractions.Identity;

namespace Conversations.Meta.Simulator;

/// <summary>Webhook bodies in Meta's envelope: <c>{"object":"whatsapp_business_account","entry":[{"id","changes":[{"field":"messages","value"}]}]}</c>.</summary>
public static class WebhookPayloads
{
    /// <summary>A customer's text message, shaped like Meta's inbound text webhook.</summary>
    public static JsonObject InboundText(string wabaId, string phoneNumberId, SimulatedInbound inbound, string wamid, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var contact = new JsonObject { ["profile"] = new JsonObject { ["name"] = inbound.Name ?? "Simulated Customer" } };
        var message = new JsonObject();

        // A username user's message has no phone number at all: no wa_id, no from; the BSUID is in user_id and from_user_id.
        if (inbound.From is { Length: > 0 } from)
        {
            contact["wa_id"] = WaId.Of(from);
            message["from"] = WaId.Of(from);
        }

        if (inbound.UserId is { Length: > 0 } userId)
        {
            contact["user_id"] = userId;
            message["from_user_id"] = userId;
        }

        message["id"] = wamid;
        message["timestamp"] = Unix(sentAt);
        message["type"] = "text";
        message["text"] = new JsonObject { ["body"] = inbound.Text };
        if (inbound.ReferralSourceType is { Length: > 0 } source)
        {
            message["referral"] = new JsonObject
            {
                ["source_url"] = "https://fb.me/simulated",
                ["source_type"] = source,
                ["source_id"] = "0",
                ["headline"] = "Simulated ad",
            };
        }

        return Envelope(wabaId, phoneNumberId, value =>
        {
            value["contacts"] = new JsonArray(contact);
            value["messages"] = new JsonArray(message);
        });
    }

    /// <summary>
    /// Several statuses in one payload, as Meta may send them: one entry per WABA, one change per number, its statuses in
    /// the order given.
    /// </summary>
    public static JsonObject Statuses(IReadOnlyList<QueuedStatus> statuses)
    {
        var entries = new JsonArray();
        foreach (var waba in statuses.GroupBy(s => s.WabaId))
        {
            var changes = new JsonArray();
            foreach (var number in waba.GroupBy(s => s.PhoneNumberId))
            {
                var value = Value(number.Key);
                value["statuses"] = new JsonArray([.. number.Select(s => (JsonNode)s.Status)]);
                changes.Add(new JsonObject { ["value"] = value, ["field"] = "messages" });
            }

            entries.Add(new JsonObject { ["id"] = waba.Key, ["changes"] = changes });
        }

        return new JsonObject { ["object"] = "whatsapp_business_account", ["entry"] = entries };
    }

    /// <summary>One element of a change's statuses[].</summary>
    public static JsonObject StatusEntry(
        string wamid,
        string recipientId,
        string status,
        DateTimeOffset at,
        SimulatedPricing? pricing,
        (int Code, string Title, string Details)? error = null)
    {
        var entry = new JsonObject
        {
            ["id"] = wamid,
            ["status"] = status,
            ["timestamp"] = Unix(at),
        };

        // Meta names a BSUID recipient in recipient_user_id and leaves recipient_id out.
        entry[CustomerUserId.Is(recipientId) ? "recipient_user_id" : "recipient_id"] = recipientId;
        if (pricing is not null)
        {
            entry["pricing"] = new JsonObject
            {
                ["billable"] = pricing.Billable,
                ["pricing_model"] = "PMP",
                ["type"] = pricing.Type,
                ["category"] = pricing.Category,
            };
        }

        if (error is { } e)
        {
            entry["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = e.Code,
                ["title"] = e.Title,
                ["message"] = e.Title,
                ["error_data"] = new JsonObject { ["details"] = e.Details },
            });
        }

        return entry;
    }

    /// <summary>One change of a WABA-level field (account signals, template status), as Meta posts it: the entry's <c>time</c> is when.</summary>
    public static JsonObject Change(string wabaId, string field, JsonObject value, DateTimeOffset at) => new()
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = wabaId,
            ["time"] = at.ToUnixTimeSeconds(),
            ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = field }),
        }),
    };

    private static JsonObject Envelope(string wabaId, string phoneNumberId, Action<JsonObject> fill)
    {
        var value = Value(phoneNumberId);
        fill(value);
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = wabaId,
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
            }),
        };
    }

    private static JsonObject Value(string phoneNumberId) => new()
    {
        ["messaging_product"] = "whatsapp",
        // The simulator knows no display number; the id stands in for it.
        ["metadata"] = new JsonObject { ["display_phone_number"] = phoneNumberId, ["phone_number_id"] = phoneNumberId },
    };

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
