using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conversations.Meta.Wire;

/// <summary>
/// The first element of a JSON array when it is an object, read as <typeparamref name="T"/>; null for an empty array,
/// a first element of another kind, or a value that is not an array. Meta answers one send with one-element arrays.
/// </summary>
internal sealed class FirstObjectConverter<T> : JsonConverter<T?>
    where T : class
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        T? first = null;
        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            if (index == 0 && reader.TokenType == JsonTokenType.StartObject)
            {
                first = JsonSerializer.Deserialize(ref reader, LenientObjectConverter<T>.TypeInfo(options));
            }
            else
            {
                reader.Skip();
            }
        }

        return first;
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        if (value is not null)
        {
            JsonSerializer.Serialize(writer, value, LenientObjectConverter<T>.TypeInfo(options));
        }

        writer.WriteEndArray();
    }
}
