using System.Reflection;
using Google.Protobuf.Reflection;

namespace Conversations.Cli.Parsing;

/// <summary>Proto enum values by their wire names (UTILITY, FREE_FORM), not the C# names the generator gives them.</summary>
public static class ProtoEnum
{
    /// <summary>A number this build does not know, from a newer server, prints as the number.</summary>
    public static string Name<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();

    /// <summary>The values a user may choose: all but the zero value, which proto reserves for "not set".</summary>
    public static IReadOnlyList<string> Choices<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(value => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(Name)];

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Convert.ToInt32(candidate, System.Globalization.CultureInfo.InvariantCulture) != 0
                && string.Equals(Name(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
