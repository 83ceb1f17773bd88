using System.Collections.Immutable;

namespace Conversations.Abstractions.Refusals;

/// <summary>A request the domain will not carry out, with the facts a caller needs to react to it.</summary>
[GenerateSerializer, Immutable]
[Alias("refusal")]
public sealed record Refusal(
    [property: Id(0)] RefusalReason Reason,
    [property: Id(1)] string Message,
    [property: Id(2)] ImmutableDictionary<string, string> Metadata)
{
    public static Refusal Of(RefusalReason reason, string message, params (string Key, string Value)[] metadata) =>
        new(reason, message, metadata.ToImmutableDictionary(m => m.Key, m => m.Value));

    public static Refusal MissingField(string field) =>
        Of(RefusalReason.MissingField, $"{field} is required.", ("field", field));
}
