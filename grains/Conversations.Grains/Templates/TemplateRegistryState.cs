using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Templates;

[GenerateSerializer]
[Alias("template-registry-state")]
public sealed class TemplateRegistryState
{
    /// <summary>Templates by <see cref="TemplateRegistryGrain.KeyOf"/>(name, language).</summary>
    [Id(0)] public Dictionary<string, TemplateDefinition> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The business numbers registered to this WABA: whose subscribers get template status changes.</summary>
    [Id(1)] public List<string> BusinessNumbers { get; set; } = [];
}
