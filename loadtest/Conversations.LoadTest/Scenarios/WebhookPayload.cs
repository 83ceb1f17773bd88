using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// A Meta "messages" webhook carrying many customers' text messages for one business number, as
/// <c>{"object":"whatsapp_business_account","entry":[{"id":waba,"changes":[{"field":"messages","value":{...}}]}]}</c>,
/// and its X-Hub-Signature-256. Written with Utf8JsonWriter: on a 2-core machine the tester's CPU is the api's CPU.
/// </summary>
public sealed class WebhookPayload(string appSecret)
{
    public const string SignatureHeader = "X-Hub-Signature-256";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(appSecret);
    private readonly ArrayBufferWriter<byte> _buffer = new(32 * 1024);

    /// <summary>One inbound text message: who wrote, Meta's id for it.</summary>
    public readonly record struct Message(string Customer, string Wamid);

    /// <summary>The body (valid until the next call on this instance) and its signature header value.</summary>
    public (ReadOnlyMemory<byte> Body, string Signature) Build(string waba, string businessNumber, IReadOnlyList<Message> messages, DateTimeOffset sentAt, string text)
    {
        _buffer.ResetWrittenCount();
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using (var json = new Utf8JsonWriter(_buffer))
        {
            json.WriteStartObject();
            json.WriteString("object", "whatsapp_business_account");
            json.WriteStartArray("entry");
            json.WriteStartObject();
            json.WriteString("id", waba);
            json.WriteStartArray("changes");
            json.WriteStartObject();
            json.WriteString("field", "messages");
            json.WriteStartObject("value");
            json.WriteString("messaging_product", "whatsapp");
            json.WriteStartObject("metadata");
            json.WriteString("display_phone_number", businessNumber);
            json.WriteString("phone_number_id", businessNumber);
            json.WriteEndObject();
            json.WriteStartArray("contacts");
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteStartObject("profile");
                json.WriteString("name", "Load Test");
                json.WriteEndObject();
                json.WriteString("wa_id", message.Customer);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("messages");
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("from", message.Customer);
                json.WriteString("id", message.Wamid);
                json.WriteString("timestamp", timestamp);
                json.WriteString("type", "text");
                json.WriteStartObject("text");
                json.WriteString("body", text);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        var body = _buffer.WrittenMemory;
        return (body, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body.Span)));
    }
}
