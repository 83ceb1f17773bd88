namespace Conversations.Abstractions.Templates;

[GenerateSerializer]
[Alias("parameter-format")]
public enum ParameterFormat
{
    /// <summary>No placeholders at all.</summary>
    None = 0,
    /// <summary>{{1}}..{{n}}, contiguous from 1.</summary>
    Positional = 1,
    /// <summary>{{first_name}}: lowercase letters, digits and '_'.</summary>
    Named = 2,
}
