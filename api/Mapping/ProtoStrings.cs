namespace Conversations.Api.Mapping;

public static class ProtoStrings
{
    /// <summary>proto3 strings cannot be absent; empty means "not given".</summary>
    public static string? Optional(string value) => value.Length == 0 ? null : value;
}
