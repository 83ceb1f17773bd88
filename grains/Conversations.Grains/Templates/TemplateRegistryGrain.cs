using System.Collections.Immutable;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.BusinessNumbers;
using Conversations.Grains.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Templates;

[GrainType("template-registry")]
public sealed class TemplateRegistryGrain(
    [PersistentState("templates", StorageNames.Conversations)] IPersistentState<TemplateRegistryState> state,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    IEnumerable<IConversationEventSink> eventSinks,
    ILogger<TemplateRegistryGrain> logger)
    : Grain, ITemplateRegistryGrain
{
    private readonly IConversationEventSink[] _eventSinks = [.. eventSinks];

    public static string KeyOf(string name, string language) => $"{name}\n{language}";

    public async Task<Result<TemplateUpsertResult>> Upsert(TemplateDraft draft, CancellationToken cancellationToken = default)
    {
        var waba = MetaId.WabaId(this.GetPrimaryKeyString());
        if (!waba.Succeeded)
        {
            return waba.Refusal;
        }

        var validated = TemplateRules.Validate(waba.Value, draft, time.GetUtcNow(), options.Value.Templates);
        if (!validated.Succeeded)
        {
            return validated.Refusal;
        }

        var key = KeyOf(draft.Name, draft.Language);
        var template = validated.Value;
        if (state.State.Templates.TryGetValue(key, out var existing))
        {
            // Editing the text does not reset Meta's verdicts on quality and pauses.
            template = template with { Quality = existing.Quality, PauseCount = existing.PauseCount, PausedUntil = existing.PausedUntil };
        }

        state.State.Templates[key] = template;
        await state.WriteStateAsync(cancellationToken);
        await AnnounceStatus(existing, template);
        return Result<TemplateUpsertResult>.Ok(new TemplateUpsertResult(template, TemplateLint.Check(draft)));
    }

    public async Task<TemplateSyncResult> ApplyMetaView(ImmutableArray<TemplateDraft> atMeta, CancellationToken cancellationToken = default)
    {
        var (changes, result) = TemplateSync.Plan(this.GetPrimaryKeyString(), state.State.Templates, atMeta, time.GetUtcNow(), options.Value.Templates);
        if (changes.Count == 0)
        {
            return result;
        }

        foreach (var (key, _, after) in changes)
        {
            state.State.Templates[key] = after;
        }

        await state.WriteStateAsync(cancellationToken);
        foreach (var (_, before, after) in changes)
        {
            await AnnounceStatus(before, after);
        }

        return result;
    }

    public Task<TemplateLookup> Find(string name, string language, CancellationToken cancellationToken = default)
    {
        if (state.State.Templates.TryGetValue(KeyOf(name, language), out var template))
        {
            return Task.FromResult(new TemplateLookup(TemplateLifecycle.EffectiveAt(template, time.GetUtcNow()), [template.Language]));
        }

        ImmutableArray<string> languages = [.. state.State.Templates.Values
            .Where(t => t.Name == name)
            .Select(t => t.Language)
            .Order(StringComparer.Ordinal)];
        return Task.FromResult(new TemplateLookup(null, languages));
    }

    public Task<ImmutableArray<TemplateDefinition>> List(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return Task.FromResult<ImmutableArray<TemplateDefinition>>([.. state.State.Templates.Values
            .Select(t => TemplateLifecycle.EffectiveAt(t, now))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.Language, StringComparer.Ordinal)]);
    }

    public Task<Result<TemplateDefinition>> SetStatus(string name, string language, TemplateStatus status, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(status))
        {
            return Task.FromResult<Result<TemplateDefinition>>(Refusal.MissingField("status"));
        }

        return Update(name, language, t => TemplateLifecycle.Apply(t, status, time.GetUtcNow(), options.Value), cancellationToken);
    }

    public Task<Result<TemplateDefinition>> SetCategory(string name, string language, TemplateCategory category, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(category))
        {
            return Task.FromResult<Result<TemplateDefinition>>(Refusal.MissingField("category"));
        }

        return Update(name, language, t => t with { Category = category, UpdatedAt = time.GetUtcNow() }, cancellationToken);
    }

    public Task<Result<TemplateDefinition>> SetQuality(string name, string language, TemplateQuality quality, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(quality))
        {
            return Task.FromResult<Result<TemplateDefinition>>(Refusal.MissingField("quality"));
        }

        return Update(name, language, t => t with { Quality = quality, UpdatedAt = time.GetUtcNow() }, cancellationToken);
    }

    private async Task<Result<TemplateDefinition>> Update(string name, string language, Func<TemplateDefinition, TemplateDefinition> change, CancellationToken cancellationToken)
    {
        var key = KeyOf(name, language);
        if (!state.State.Templates.TryGetValue(key, out var template))
        {
            var lookup = await Find(name, language, cancellationToken);
            return TemplateRefusals.NotFound(name, language, lookup.LanguagesAvailable);
        }

        var updated = change(TemplateLifecycle.EffectiveAt(template, time.GetUtcNow()));
        state.State.Templates[key] = updated;
        await state.WriteStateAsync(cancellationToken);
        await AnnounceStatus(template, updated);
        return Result<TemplateDefinition>.Ok(updated);
    }

    public async Task AddBusinessNumber(string businessNumberId, CancellationToken cancellationToken = default)
    {
        if (!state.State.BusinessNumbers.Contains(businessNumberId, StringComparer.Ordinal))
        {
            state.State.BusinessNumbers.Add(businessNumberId);
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<Refusal?> AdmitBusinessNumber(string businessNumberId, CancellationToken cancellationToken = default)
    {
        // One activation per WABA decides each number in turn, so two registrations racing for the last place never both get it.
        if (BusinessNumberQuota.Admits(state.State.BusinessNumbers, businessNumberId, this.GetPrimaryKeyString(), options.Value.Limits.MaxBusinessNumbersPerWaba) is { } full)
        {
            return full;
        }

        await AddBusinessNumber(businessNumberId, cancellationToken);
        return null;
    }

    public Task<ImmutableArray<string>> BusinessNumbers(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.BusinessNumbers.ToImmutableArray());

    public async Task RemoveBusinessNumber(string businessNumberId, CancellationToken cancellationToken = default)
    {
        if (state.State.BusinessNumbers.Remove(businessNumberId))
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A template status change, told to every number of the WABA as a number-wide event (no customer: subscribers
    /// filtered to one customer do not get it). Stored first; a failed delivery is logged, never undoes the change.
    /// </summary>
    private async Task AnnounceStatus(TemplateDefinition? before, TemplateDefinition after)
    {
        if (before?.Status == after.Status)
        {
            return;
        }

        var now = time.GetUtcNow();
        var changes = state.State.BusinessNumbers.Select(number => new PublishedEvent(number, "", 0, ConversationEventKind.TemplateStatusChanged, now)
        {
            TemplateName = after.Name,
            TemplateLanguage = after.Language,
            TemplateStatus = TemplateStatusNames.Of(after.Status),
        }).ToList();
        await EventSinkPublishing.PublishEach(_eventSinks, changes, (e, change) => logger.LogWarning(
            e, "Telling {BusinessNumberId} that template {Name} ({Language}) is {Status} failed", change.BusinessNumberId, after.Name, after.Language, after.Status));
    }
}
