using System.Globalization;
using Conversations.Abstractions;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Sending;

/// <summary>Who may receive marketing: not a customer who stopped it, not one Meta capped, not a blocked market.</summary>
public static class AudiencePolicy
{
    public static Refusal? CheckMarketing(
        string customer,
        bool optedOut,
        DateTimeOffset? suppressedUntil,
        DateTimeOffset now,
        IReadOnlySet<string> blockedRegions)
    {
        if (optedOut)
        {
            return Refusal.Of(
                RefusalReason.MarketingOptedOut,
                "The customer stopped marketing messages from this business.",
                ("whatsapp_code", "131050"));
        }

        if (suppressedUntil is { } until && until > now)
        {
            return Refusal.Of(
                RefusalReason.MarketingSuppressed,
                $"Meta capped marketing to this customer (131049); try again after {Rfc3339.Format(until)}.",
                ("whatsapp_code", "131049"),
                ("retry_after", Seconds(until - now)),
                ("suppressed_until", Rfc3339.Format(until)));
        }

        var region = CustomerNumber.Region(customer);
        return blockedRegions.Contains(region)
            ? Refusal.Of(
                RefusalReason.MarketingRegionBlocked,
                $"Marketing templates are not delivered to numbers in {region}.",
                ("region", region))
            : null;
    }

    public static bool IsMarketing(TemplateCategory? category) => category == TemplateCategory.Marketing;

    public static string Seconds(TimeSpan span) =>
        Math.Ceiling(span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
