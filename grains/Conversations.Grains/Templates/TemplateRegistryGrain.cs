using System.Collections.Immutable;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Templates;

[GrainType("template-registry")]
public sealed class TemplateRegistryGrain(
    [PersistentState("templates", StorageNames.Conversations)] IPersistentState<TemplateRegistryState> state,
    TimeProvider time)
    : Grain, ITemplateRegistryGrain
{
    public static string KeyOf(string name, string language) => $"{name}\n{language}";

    public async Task<Result<TemplateDefinition>> Upsert(TemplateDraft draft, CancellationToken cancellationToken = default)
    {
        var waba = MetaId.WabaId(this.GetPrimaryKeyString());
        if (!waba.Succeeded)
        {
            return waba.Refusal;
        }

        var validated = TemplateRules.Validate(waba.Value, draft, time.GetUtcNow());
        if (!validated.Succeeded)
        {
            return validated;
        }

        state.State.Templates[KeyOf(draft.Name, draft.Language)] = validated.Value;
        await state.WriteStateAsync(cancellationToken);
        return validated;
    }

    public Task<TemplateLookup> Find(string name, string language, CancellationToken cancellationToken = default)
    {
        if (state.State.Templates.TryGetValue(KeyOf(name, language), out var template))
        {
            return Task.FromResult(new TemplateLookup(template, [template.Language]));
        }

        ImmutableArray<string> languages = [.. state.State.Templates.Values
            .Where(t => t.Name == name)
            .Select(t => t.Language)
            .Order(StringComparer.Ordinal)];
        return Task.FromResult(new TemplateLookup(null, languages));
    }

    public Task<ImmutableArray<TemplateDefinition>> List(CancellationToken cancellationToken = default) =>
        Task.FromResult<ImmutableArray<TemplateDefinition>>([.. state.State.Templates.Values
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.Language, StringComparer.Ordinal)]);
}
