using System.Text.Json.Nodes;

namespace Conversations.Meta.Simulator;

/// <summary>A message template as Meta's template endpoints show it; <paramref name="Status"/> and <paramref name="Category"/> upper case.</summary>
public sealed record SimulatedTemplate(string Id, string WabaId, string Name, string Language, string Category, string Status, JsonArray Components)
{
    /// <summary>The element of <c>GET /{waba-id}/message_templates</c>' <c>data</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["components"] = Components.DeepClone(),
        ["language"] = Language,
        ["status"] = Status,
        ["category"] = Category,
        ["id"] = Id,
    };
}
