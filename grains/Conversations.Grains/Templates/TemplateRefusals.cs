using System.Collections.Immutable;
using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.Templates;

public static class TemplateRefusals
{
    /// <summary>Meta's 132001: no template of that name in that language, with the languages the name does exist in.</summary>
    public static Refusal NotFound(string name, string language, ImmutableArray<string> languagesAvailable)
    {
        var languages = languagesAvailable.IsDefaultOrEmpty ? [] : languagesAvailable;
        var known = languages.IsEmpty ? "no language" : string.Join(", ", languages);
        return Refusal.Of(
            RefusalReason.TemplateNotFound,
            $"Template '{FieldRules.Echo(name)}' does not exist in language '{FieldRules.Echo(language)}' (it exists in {known}).",
            ("template", FieldRules.Echo(name)),
            ("language", FieldRules.Echo(language)),
            ("languages_available", string.Join(',', languages)));
    }
}
