namespace Conversations.LoadTest.Measurement;

/// <summary>The api's resident set size from /proc (Linux), for a rough bytes-per-conversation figure without dotnet-counters.</summary>
public static class ServerMemory
{
    public static long? ResidentBytes(int? pid)
    {
        if (pid is not { } id)
        {
            return null;
        }

        try
        {
            // "VmRSS:    123456 kB"
            var line = File.ReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kilobytes is null ? null : long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
