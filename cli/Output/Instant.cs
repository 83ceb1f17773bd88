using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Conversations.Cli.Output;

/// <summary>Times as operators read and paste them: UTC, ISO-8601, whole seconds.</summary>
public static class Instant
{
    public static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Format(Timestamp timestamp) => Format(timestamp.ToDateTimeOffset());
}
