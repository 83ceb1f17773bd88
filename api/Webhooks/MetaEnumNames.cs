using System.Collections.Frozen;
using Conversations.Api.Errors;

namespace Conversations.Api.Webhooks;

/// <summary>Reads Meta's upper-snake spellings (IN_APPEAL, MARKETING, GREEN) into the domain's enums.</summary>
public static class MetaEnumNames
{
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return name is not null && Names<TEnum>.ByName.TryGetValue(name.Trim(), out value);
    }

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<string, TEnum> ByName = Enum.GetValues<TEnum>()
            .ToFrozenDictionary(v => RefusalStatus.UpperSnake(v.ToString()), StringComparer.OrdinalIgnoreCase);
    }
}
