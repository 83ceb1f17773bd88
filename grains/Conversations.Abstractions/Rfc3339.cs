using System.Globalization;

namespace Conversations.Abstractions;

public static class Rfc3339
{
    /// <summary>UTC with a 'Z', as protobuf's JSON mapping prints timestamps, so metadata and fields read the same.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
