using Conversations.Cli.Parsing;
using V1 = Conversations.V1;

namespace Conversations.Cli.Output;

public static class TemplatePrinter
{
    /// <summary>One line per template, so list output stays greppable.</summary>
    public static void Print(V1.Template template, TextWriter output)
    {
        var parameters = template.ParameterNames.Count == 0 ? "none" : string.Join(", ", template.ParameterNames);
        var updated = template.UpdatedAt is { } at ? $", updated {Instant.Format(at)}" : "";
        output.WriteLine(
            $"{template.Name} [{template.Language}] {ProtoEnum.Name(template.Category)} {ProtoEnum.Name(template.Status)}: " +
            $"\"{template.Body}\" (parameters: {parameters}{updated})");
    }

    /// <summary>
    /// The category lint's warnings, one line each after the template: the template is stored, but Meta would likely
    /// approve it in another category (and bill it so).
    /// </summary>
    public static void PrintWarnings(IEnumerable<V1.LintWarning> warnings, TextWriter output)
    {
        foreach (var warning in warnings)
        {
            var matched = warning.MatchedPhrases.Count == 0 ? "" : $" (matched: {string.Join(", ", warning.MatchedPhrases.Select(p => $"\"{p}\""))})";
            var suggested = warning.SuggestedCategory == V1.TemplateCategory.Unspecified ? "" : $", suggested category {ProtoEnum.Name(warning.SuggestedCategory)}";
            output.WriteLine($"warning {warning.RuleId}{suggested}: {warning.Message}{matched}");
        }
    }
}
