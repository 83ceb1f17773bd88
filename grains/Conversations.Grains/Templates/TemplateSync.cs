using System.Collections.Immutable;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Templates;

/// <summary>
/// The rule of a sync with Meta, without I/O: which stored templates change, and how, so that the registry equals Meta's
/// view. Meta's template is stored as it is there (validated by <see cref="TemplateRules"/>); Meta's verdicts on quality
/// and pauses and the stored buttons (Meta's list is not read for them) are kept; a stored template Meta does not hold
/// becomes DELETED.
/// </summary>
public static class TemplateSync
{
    /// <param name="stored">The registry's templates by <see cref="TemplateRegistryGrain.KeyOf"/>.</param>
    /// <returns>The templates to store (by key) and the counts.</returns>
    public static (IReadOnlyList<(string Key, TemplateDefinition? Before, TemplateDefinition After)> Changes, TemplateSyncResult Result) Plan(
        string wabaId,
        IReadOnlyDictionary<string, TemplateDefinition> stored,
        IEnumerable<TemplateDraft> atMeta,
        DateTimeOffset now,
        TemplateLimits limits)
    {
        var changes = new List<(string, TemplateDefinition?, TemplateDefinition)>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var (added, updated, unchanged) = (0, 0, 0);
        foreach (var draft in atMeta)
        {
            var key = TemplateRegistryGrain.KeyOf(draft.Name, draft.Language);
            seen.Add(key);
            stored.TryGetValue(key, out var existing);
            var withButtons = existing is not null && draft.Buttons.IsEmpty ? draft with { Buttons = existing.Buttons } : draft;
            var validated = TemplateRules.Validate(wabaId, withButtons, now, limits);
            if (!validated.Succeeded)
            {
                skipped.Add($"{draft.Name} [{draft.Language}]: {validated.Refusal!.Message}");
                continue;
            }

            var template = validated.Value!;
            if (existing is null)
            {
                added++;
                changes.Add((key, null, template));
                continue;
            }

            var current = TemplateLifecycle.EffectiveAt(existing, now);
            if (SameAtMeta(current, template))
            {
                unchanged++;
                continue;
            }

            updated++;
            changes.Add((key, existing, template with { Quality = existing.Quality, PauseCount = existing.PauseCount, PausedUntil = existing.PausedUntil }));
        }

        var removed = 0;
        foreach (var (key, template) in stored.Where(s => !seen.Contains(s.Key) && s.Value.Status != TemplateStatus.Deleted).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            removed++;
            changes.Add((key, template, template with { Status = TemplateStatus.Deleted, UpdatedAt = now }));
        }

        return (changes, new TemplateSyncResult(added, updated, removed, unchanged, skipped.ToImmutable()));
    }

    /// <summary>What Meta's list says of a template: the rest (quality, pauses, when it was stored) is this service's.</summary>
    private static bool SameAtMeta(TemplateDefinition stored, TemplateDefinition atMeta) =>
        stored.Category == atMeta.Category
        && stored.Status == atMeta.Status
        && stored.Body == atMeta.Body
        && stored.Header == atMeta.Header
        && stored.Footer == atMeta.Footer
        && stored.Buttons.SequenceEqual(atMeta.Buttons)
        && stored.CodeExpiryMinutes == atMeta.CodeExpiryMinutes;
}
