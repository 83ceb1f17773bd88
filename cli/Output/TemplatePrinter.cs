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
}
