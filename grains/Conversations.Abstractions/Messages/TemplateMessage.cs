using System.Collections.Immutable;
using System.Text;

namespace Conversations.Abstractions.Messages;

[GenerateSerializer, Immutable]
[Alias("template-message")]
public sealed record TemplateMessage(
    [property: Id(0)] string Name,
    [property: Id(1)] string Language,
    [property: Id(2)] ImmutableArray<string> Parameters,
    [property: Id(3)] ImmutableSortedDictionary<string, string> NamedParameters) : MessageContent
{
    public override MessageKind Kind => MessageKind.Template;

    public override string Fingerprint()
    {
        // Lengths prefix every value so that no choice of parameters can collide with another.
        var text = new StringBuilder("template\n");
        Append(text, Name);
        Append(text, Language);
        text.Append(Parameters.Length).Append('\n');
        foreach (var parameter in Parameters)
        {
            Append(text, parameter);
        }

        text.Append(NamedParameters.Count).Append('\n');
        foreach (var (key, value) in NamedParameters)
        {
            Append(text, key);
            Append(text, value);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string value) =>
        text.Append(value.Length).Append(':').Append(value).Append('\n');
}
