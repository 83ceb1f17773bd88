using System.Security.Cryptography;

namespace Conversations.Testing;

/// <summary>Fresh, valid identifiers per test, so tests sharing a cluster never share a conversation.</summary>
public static class TestNumbers
{
    /// <summary>A valid US mobile number in E.164 without '+', e.g. 16505550123 style, unique enough per test run.</summary>
    public static string Customer() => $"1650{RandomNumberGenerator.GetInt32(200, 999)}{RandomNumberGenerator.GetInt32(0, 10_000):D4}";

    /// <summary>A valid Brazilian mobile number (São Paulo), for rules that depend on the customer's market.</summary>
    public static string BrazilCustomer() => $"55119{RandomNumberGenerator.GetInt32(6000, 9999)}{RandomNumberGenerator.GetInt32(0, 10_000):D4}";

    public static string BusinessNumberId() => $"10{RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue)}";

    public static string WabaId() => $"20{RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue)}";
}
