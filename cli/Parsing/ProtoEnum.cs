using System.Reflection;
using System.Text;
using Google.Protobuf.Reflection;

namespace Conversations.Cli.Parsing;

/// <summary>
/// Proto enum values by their wire names without the enum's prefix (UTILITY for TEMPLATE_CATEGORY_UTILITY, FREE_FORM for
/// MESSAGE_KIND_FREE_FORM): what an operator reads and types. The full wire name is accepted too.
/// </summary>
public static class ProtoEnum
{
    /// <summary>A number this build does not know, from a newer server, prints as the number.</summary>
    public static string Name<T>(T value) where T : struct, Enum
    {
        var wireName = WireName(value);
        var prefix = Prefix<T>();
        return wireName.StartsWith(prefix, StringComparison.Ordinal) ? wireName[prefix.Length..] : wireName;
    }

    /// <summary>The values a user may choose: all but the zero value, which proto reserves for "not set".</summary>
    public static IReadOnlyList<string> Choices<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(value => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(Name)];

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Convert.ToInt32(candidate, System.Globalization.CultureInfo.InvariantCulture) != 0
                && (string.Equals(Name(candidate), text, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(WireName(candidate), text, StringComparison.OrdinalIgnoreCase)))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string WireName<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();

    /// <summary>The prefix buf's STANDARD rules put on every value: the enum's name in upper snake case, e.g. QUALITY_RATING_.</summary>
    private static string Prefix<T>()
    {
        var name = typeof(T).Name;
        var prefix = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                prefix.Append('_');
            }

            prefix.Append(char.ToUpperInvariant(name[i]));
        }

        return prefix.Append('_').ToString();
    }
}
