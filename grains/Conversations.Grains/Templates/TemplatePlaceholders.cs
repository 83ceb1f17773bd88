using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Templates;

/// <summary>Reads the {{1}} or {{name}} placeholders of a template text.</summary>
public static partial class TemplatePlaceholders
{
    public sealed record Parsed(ParameterFormat Format, ImmutableArray<string> Names);

    public static Result<Parsed> Parse(string text, string component)
    {
        var positional = new SortedSet<int>();
        var named = new List<string>();
        foreach (Match match in Placeholder().Matches(text))
        {
            var inner = match.Groups[1].Value;
            if (PositionalName().IsMatch(inner))
            {
                positional.Add(int.Parse(inner, CultureInfo.InvariantCulture));
            }
            else if (NamedName().IsMatch(inner))
            {
                if (!named.Contains(inner))
                {
                    named.Add(inner);
                }
            }
            else
            {
                return Invalid(component, "placeholder_syntax", $"placeholder '{match.Value}' is neither {{{{n}}}} nor {{{{lowercase_name}}}}.");
            }
        }

        if (positional.Count > 0 && named.Count > 0)
        {
            return Invalid(component, "mixed_parameters", "positional and named placeholders cannot be mixed.");
        }

        if (positional.Count > 0)
        {
            // Meta numbers parameters 1..n with no gaps; a gap means a parameter the sender can never fill.
            if (positional.Min != 1 || positional.Max != positional.Count)
            {
                return Invalid(component, "positional_contiguous", $"positional placeholders must run {{{{1}}}}..{{{{{positional.Count}}}}} without gaps.");
            }

            return Result<Parsed>.Ok(new Parsed(ParameterFormat.Positional, [.. positional.Select(p => p.ToString(CultureInfo.InvariantCulture))]));
        }

        return named.Count > 0
            ? Result<Parsed>.Ok(new Parsed(ParameterFormat.Named, [.. named]))
            : Result<Parsed>.Ok(new Parsed(ParameterFormat.None, []));
    }

    /// <summary>How many placeholders the text holds, counting a repeated one each time and ignoring their syntax.</summary>
    public static int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : Placeholder().Count(text);

    /// <summary>The text with each placeholder replaced by its value; a placeholder without a value stays as written.</summary>
    public static string Hydrate(string text, Func<string, string?> valueOf) =>
        Placeholder().Replace(text, match => valueOf(match.Groups[1].Value) ?? match.Value);

    private static Refusal Invalid(string component, string rule, string message) =>
        TemplateRules.Invalid(component, rule, message);

    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[1-9][0-9]{0,2}$")]
    private static partial Regex PositionalName();

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex NamedName();
}
