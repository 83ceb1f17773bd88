using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Templates;

/// <summary>
/// Warns where Meta would likely categorize a template differently than submitted. The rules are data
/// (Templates/lint-rules.json, embedded) so that policy wording can change without code.
/// </summary>
public static class TemplateLint
{
    private static readonly Lazy<ImmutableArray<LintRule>> s_rules = new(LoadEmbedded);

    public static ImmutableArray<LintRule> Rules => s_rules.Value;

    public static ImmutableArray<LintWarning> Check(TemplateDraft draft) => Check(draft, Rules);

    public static ImmutableArray<LintWarning> Check(TemplateDraft draft, ImmutableArray<LintRule> rules)
    {
        var text = string.Join('\n', new[] { draft.Header?.Text, draft.Body, draft.Footer }
            .Concat(draft.Buttons.IsDefault ? [] : draft.Buttons.Select(b => b.Text))
            .Where(t => !string.IsNullOrEmpty(t)));
        var warnings = ImmutableArray.CreateBuilder<LintWarning>();
        foreach (var rule in rules.Where(r => r.Categories.Contains(draft.Category)))
        {
            var matched = rule.Patterns
                .SelectMany(p => p.Matches(text).Select(m => m.Value.Trim()))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToImmutableArray();
            if (matched.Length > 0)
            {
                warnings.Add(new LintWarning(rule.Id, rule.SuggestedCategory, matched, rule.Message));
            }
        }

        return warnings.ToImmutable();
    }

    public static ImmutableArray<LintRule> Parse(string json)
    {
        var file = JsonSerializer.Deserialize<LintRuleFile>(json, JsonOptions)
            ?? throw new InvalidDataException("The lint rule file is empty.");
        return [.. file.Rules.Select(r => new LintRule(
            r.Id,
            [.. r.Categories],
            r.SuggestedCategory,
            [.. r.Patterns.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))],
            r.Message))];
    }

    private static ImmutableArray<LintRule> LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Conversations.Grains.Templates.lint-rules.json")
            ?? throw new InvalidOperationException("lint-rules.json is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    private sealed record LintRuleFile(List<LintRuleData> Rules);

    private sealed record LintRuleData(string Id, List<TemplateCategory> Categories, TemplateCategory SuggestedCategory, List<string> Patterns, string Message);
}

public sealed record LintRule(
    string Id,
    ImmutableArray<TemplateCategory> Categories,
    TemplateCategory SuggestedCategory,
    ImmutableArray<Regex> Patterns,
    string Message);
