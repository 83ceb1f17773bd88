using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Templates;
using Conversations.Testing;

namespace Conversations.Grains.Tests.Pricing;

/// <summary>Charge requests and customers for the pricing tests; every message gets a fresh id.</summary>
internal static class Charges
{
    /// <summary>Under the 2026 model (service charged after the allowance, utility in the window charged).</summary>
    public static readonly DateTimeOffset November2026 = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Under the 2025 model (service and utility in the window free).</summary>
    public static readonly DateTimeOffset August2025 = new(2025, 8, 10, 12, 0, 0, TimeSpan.Zero);

    public const string UsCustomer = "16505550123";
    public const string BrazilCustomer = "5511987654321";
    public const string IndiaCustomer = "919876543210";
    public const string FranceCustomer = "33612345678";

    public static ChargeRequest Service(string customer, DateTimeOffset at, string? businessNumberId = null, bool entryPoint = false) =>
        new(businessNumberId ?? TestNumbers.BusinessNumberId(), customer, NewMessageId(), MessageKind.FreeForm, null, WindowOpen: true, entryPoint, at);

    public static ChargeRequest Template(
        TemplateCategory category,
        string customer,
        DateTimeOffset at,
        bool windowOpen = false,
        bool entryPoint = false,
        string? businessNumberId = null) =>
        new(businessNumberId ?? TestNumbers.BusinessNumberId(), customer, NewMessageId(), MessageKind.Template, category, windowOpen, entryPoint, at);

    public static string NewMessageId() => "cnv." + Guid.NewGuid().ToString("N");
}
