using System.Security.Cryptography;

namespace Conversations.Testing;

/// <summary>Fresh business-scoped user ids (BSUIDs) shaped like Meta's, so tests sharing a host never share a customer.</summary>
public static class TestUserIds
{
    public static string Customer(string country = "US") =>
        $"{country}.{RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue)}{RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue)}";
}
