using System.Net;
using System.Text.Json.Nodes;
using Conversations.Api.Tests.Streaming;
using Conversations.Api.Webhooks;
using Conversations.Grains.Conversation;
using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>
/// Meta's account signals through the signed webhook endpoint, shaped as Meta's reference shows them: quality updates
/// set the number's rating and the portfolio's limit, capability updates the limit, account updates restrict and ban;
/// sends refuse before Meta, and subscribers of each number hear of every change.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AccountSignalTests(ApiFactory api)
{
    private const string Display = "15550783881";

    private readonly MetaWebhook _meta = new(api);
    private readonly Scenario _scenario = new(api);

    [Fact]
    public async Task A_quality_update_with_a_tier_sets_the_portfolio_limit_and_tells_the_numbers_subscribers()
    {
        var number = await Register();
        await using var subscription = await EventSubscription.Start(api, number.BusinessNumberId);

        // The fixture of Meta's reference: an UPGRADE to TIER_10K says nothing of the rating.
        Assert.Equal(HttpStatusCode.OK, await _meta.Post(Signal(number.WabaId, "phone_number_quality_update", new JsonObject
        {
            ["display_phone_number"] = Display,
            ["event"] = "UPGRADE",
            ["old_limit"] = "TIER_2K",
            ["current_limit"] = "TIER_10K",
            ["max_daily_conversations_per_business"] = "TIER_10K",
        })));

        Assert.Equal("10000", (await Limit(number.PortfolioId)).Tier);
        var change = Assert.Single(await subscription.WaitFor(V1.ConversationEventKind.MessagingLimitChanged));
        Assert.Equal(("10000", ""), (change.MessagingLimit, change.Customer));
        Assert.Equal(V1.QualityRating.Unknown, (await Profile(number.BusinessNumberId)).QualityRating);
    }

    [Fact]
    public async Task A_capability_update_sets_the_messaging_limit_and_minus_one_is_unlimited()
    {
        var number = await Register();
        await using var subscription = await EventSubscription.Start(api, number.BusinessNumberId);

        await _meta.Post(Signal(number.WabaId, "business_capability_update", Capability(10000)));
        await _meta.Post(Signal(number.WabaId, "business_capability_update", Capability(-1)));

        Assert.Equal("unlimited", (await Limit(number.PortfolioId)).Tier);
        var changes = await subscription.WaitFor(V1.ConversationEventKind.MessagingLimitChanged, count: 2);
        Assert.Equal(["10000", "unlimited"], changes.Select(c => c.MessagingLimit));
    }

    [Fact]
    public async Task A_flagged_number_pauses_marketing_and_nothing_else_and_unflagged_lets_it_go_slowed()
    {
        var number = await Register();
        await ApproveTemplate(number.WabaId, "spring_sale", V1.TemplateCategory.Marketing);
        await ApproveTemplate(number.WabaId, "order_update", V1.TemplateCategory.Utility);
        await using var subscription = await EventSubscription.Start(api, number.BusinessNumberId);

        await _meta.Post(Signal(number.WabaId, "phone_number_quality_update", new JsonObject { ["display_phone_number"] = Display, ["event"] = "FLAGGED" }));

        Assert.Equal(V1.QualityRating.Flagged, (await Profile(number.BusinessNumberId)).QualityRating);
        Assert.Equal(V1.QualityRating.Flagged, Assert.Single(await subscription.WaitFor(V1.ConversationEventKind.QualityChanged)).QualityRating);
        var paused = await Refused.With(StatusCode.FailedPrecondition, "QUALITY_GUARD_PAUSED", () => SendTemplate(number, "spring_sale"));
        Assert.Equal("FLAGGED", paused.Metadata["quality_rating"]);
        await SendTemplate(number, "order_update");

        await _meta.Post(Signal(number.WabaId, "phone_number_quality_update", new JsonObject { ["display_phone_number"] = Display, ["event"] = "UNFLAGGED" }));

        Assert.Equal(V1.QualityRating.Yellow, (await Profile(number.BusinessNumberId)).QualityRating);
        await SendTemplate(number, "spring_sale");
    }

    [Fact]
    public async Task A_restriction_of_business_initiated_messaging_refuses_templates_outside_the_window_until_it_expires()
    {
        var number = await Register();
        await ApproveTemplate(number.WabaId, "order_update", V1.TemplateCategory.Utility);
        var replyTo = TestNumbers.Customer();
        await _scenario.RecordInbound(number.BusinessNumberId, replyTo, api.Clock.GetUtcNow().AddMinutes(-1));
        await using var subscription = await EventSubscription.Start(api, number.BusinessNumberId);
        var expires = DateTimeOffset.FromUnixTimeSeconds(api.Clock.GetUtcNow().AddHours(2).ToUnixTimeSeconds());

        await _meta.Post(Signal(number.WabaId, "account_update", Restriction(("RESTRICTED_BIZ_INITIATED_MESSAGING", expires), ("RESTRICTED_ADD_PHONE_NUMBER_ACTION", expires))));

        var restricted = await Refused.With(StatusCode.FailedPrecondition, "ACCOUNT_RESTRICTED", () => SendTemplate(number, "order_update"));
        Assert.Equal("RESTRICTED_BIZ_INITIATED_MESSAGING", restricted.Metadata["restriction_type"]);
        Assert.Equal(Abstractions.Rfc3339.Format(expires), restricted.Metadata["expires_at"]);
        await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, replyTo, "A reply inside the window still goes"));
        var standing = Assert.Single(await subscription.WaitFor(V1.ConversationEventKind.AccountStandingChanged)).AccountStanding;
        Assert.Equal(["RESTRICTED_BIZ_INITIATED_MESSAGING", "RESTRICTED_ADD_PHONE_NUMBER_ACTION"], standing.Restrictions.Select(r => r.RestrictionType));

        api.Clock.Advance(TimeSpan.FromHours(2));
        await SendTemplate(number, "order_update");
    }

    [Fact]
    public async Task An_empty_restriction_list_lifts_the_restrictions()
    {
        var number = await Register();
        await ApproveTemplate(number.WabaId, "order_update", V1.TemplateCategory.Utility);
        await _meta.Post(Signal(number.WabaId, "account_update", Restriction(("RESTRICTED_BIZ_INITIATED_MESSAGING", null))));
        await Refused.With(StatusCode.FailedPrecondition, "ACCOUNT_RESTRICTED", () => SendTemplate(number, "order_update"));

        await _meta.Post(Signal(number.WabaId, "account_update", Restriction()));

        // The conversation reads its number again once its cached profile is old.
        api.Clock.Advance(ConversationGrain.ProfileLifetime);
        await SendTemplate(number, "order_update");
        Assert.Empty((await Profile(number.BusinessNumberId)).AccountStanding.Restrictions);
    }

    [Fact]
    public async Task A_disabled_WABA_refuses_every_send_until_Meta_reinstates_it_and_a_number_registered_meanwhile_is_disabled_too()
    {
        var number = await Register();
        var customer = TestNumbers.Customer();
        await _scenario.RecordInbound(number.BusinessNumberId, customer, api.Clock.GetUtcNow().AddMinutes(-1));

        await _meta.Post(Signal(number.WabaId, "account_update", Ban("DISABLE")));

        api.Clock.Advance(ConversationGrain.ProfileLifetime);
        var banned = await Refused.With(StatusCode.FailedPrecondition, "ACCOUNT_BANNED", () => api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "hi")).ResponseAsync);
        Assert.Equal(("DISABLE", "131031"), (banned.Metadata["ban_state"], banned.Metadata["whatsapp_code"]));
        var later = await Register(number.WabaId);
        Assert.Equal("DISABLE", (await Profile(later.BusinessNumberId)).AccountStanding.BanState);

        await _meta.Post(Signal(number.WabaId, "account_update", Ban("REINSTATE")));

        api.Clock.Advance(ConversationGrain.ProfileLifetime);
        await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "hi again"));
    }

    [Fact]
    public async Task A_reinstatement_reported_before_the_ban_it_arrives_after_does_not_lift_it()
    {
        var number = await Register();
        var bannedAt = api.Clock.GetUtcNow();

        await _meta.Post(Timed(Signal(number.WabaId, "account_update", Ban("DISABLE")), bannedAt));
        await _meta.Post(Timed(Signal(number.WabaId, "account_update", Ban("REINSTATE")), bannedAt.AddMinutes(-10)));

        Assert.Equal("DISABLE", (await Profile(number.BusinessNumberId)).AccountStanding.BanState);
        await _meta.Post(Timed(Signal(number.WabaId, "account_update", Ban("REINSTATE")), bannedAt.AddMinutes(10)));
        Assert.Equal("NONE", (await Profile(number.BusinessNumberId)).AccountStanding.BanState);
    }

    [Fact]
    public async Task A_WABA_scheduled_for_disable_sends_until_its_ban_date()
    {
        var number = await Register();
        await ApproveTemplate(number.WabaId, "order_update", V1.TemplateCategory.Utility);
        var banDate = api.Clock.GetUtcNow().UtcDateTime.Date.AddDays(2);

        await _meta.Post(Signal(number.WabaId, "account_update", Ban("SCHEDULE_FOR_DISABLE", banDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));

        await SendTemplate(number, "order_update");
        api.Clock.Advance(new DateTimeOffset(banDate, TimeSpan.Zero) - api.Clock.GetUtcNow());
        await Refused.With(StatusCode.FailedPrecondition, "ACCOUNT_BANNED", () => SendTemplate(number, "order_update"));
    }

    [Fact]
    public async Task Signals_with_values_this_service_does_not_know_are_acknowledged_counted_and_change_nothing()
    {
        using var counters = new WebhookCounters(api);
        var number = await Register();
        var unknownLimit = counters.Ignored(IgnoredEvent.UnknownMessagingLimit);
        var unknownEvent = counters.Ignored(IgnoredEvent.UnknownAccountEvent);
        var malformed = counters.Ignored(IgnoredEvent.Malformed);

        Assert.Equal(HttpStatusCode.OK, await _meta.Post(MetaPayload.Envelope(MetaPayload.Entry(
            number.WabaId,
            MetaPayload.Change("business_capability_update", Capability("TIER_50")),
            MetaPayload.Change("phone_number_quality_update", new JsonObject { ["display_phone_number"] = Display, ["event"] = "ONBOARDING", ["current_limit"] = "NOT_SET" }),
            MetaPayload.Change("account_update", new JsonObject { ["event"] = "PARTNER_ADDED" }),
            MetaPayload.Change("account_update", new JsonObject { ["event"] = "DISABLED_UPDATE", ["ban_info"] = new JsonObject { ["waba_ban_state"] = "SUSPEND" } }),
            MetaPayload.Change("account_update", new JsonObject { ["event"] = "ACCOUNT_RESTRICTION", ["restriction_info"] = "none" }),
            MetaPayload.Change("phone_number_quality_update", new JsonObject { ["event"] = "FLAGGED" })))));

        Assert.Equal(2, counters.Ignored(IgnoredEvent.UnknownMessagingLimit) - unknownLimit);
        Assert.Equal(3, counters.Ignored(IgnoredEvent.UnknownAccountEvent) - unknownEvent);
        Assert.Equal(2, counters.Ignored(IgnoredEvent.Malformed) - malformed);
        Assert.Equal("250", (await Limit(number.PortfolioId)).Tier);
        var profile = await Profile(number.BusinessNumberId);
        Assert.Equal((V1.QualityRating.Unknown, "NONE"), (profile.QualityRating, profile.AccountStanding.BanState));
    }

    [Fact]
    public async Task A_quality_update_for_a_display_number_the_WABA_does_not_have_is_acknowledged_and_counted_as_rejected()
    {
        using var counters = new WebhookCounters(api);
        var number = await Register();
        var rejected = counters.Rejected("UNKNOWN_BUSINESS_NUMBER");

        Assert.Equal(HttpStatusCode.OK, await _meta.Post(Signal(number.WabaId, "phone_number_quality_update", new JsonObject { ["display_phone_number"] = "15550000000", ["event"] = "FLAGGED" })));

        Assert.Equal(1, counters.Rejected("UNKNOWN_BUSINESS_NUMBER") - rejected);
        Assert.Equal(V1.QualityRating.Unknown, (await Profile(number.BusinessNumberId)).QualityRating);
    }

    [Fact]
    public async Task A_display_number_that_is_not_digits_is_refused_naming_the_field()
    {
        var refused = await Refused.With(StatusCode.InvalidArgument, "INVALID_FIELD", () => api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest
        {
            BusinessNumberId = TestNumbers.BusinessNumberId(),
            WabaId = TestNumbers.WabaId(),
            DisplayPhoneNumber = "call us",
        }).ResponseAsync);

        Assert.Equal("display_phone_number", refused.Metadata["field"]);
    }

    /// <summary>A fresh number of a fresh WABA (or of <paramref name="wabaId"/>), displayed as <see cref="Display"/>.</summary>
    private async Task<V1.BusinessNumber> Register(string? wabaId = null) =>
        (await api.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest
        {
            BusinessNumberId = TestNumbers.BusinessNumberId(),
            WabaId = wabaId ?? TestNumbers.WabaId(),
            DisplayPhoneNumber = "+1 555-078-3881",
        })).BusinessNumber;

    private Task ApproveTemplate(string wabaId, string name, V1.TemplateCategory category) =>
        api.Templates.UpsertTemplateAsync(new V1.UpsertTemplateRequest
        {
            WabaId = wabaId,
            Name = name,
            Language = "en_US",
            Category = category,
            Status = V1.TemplateStatus.Approved,
            Body = "Hello {{1}}",
        }).ResponseAsync;

    /// <summary>A template to a new Brazilian customer (marketing reaches Brazil), outside any window.</summary>
    private Task SendTemplate(V1.BusinessNumber number, string name) =>
        api.Conversations.SendAsync(Scenario.Template(number.BusinessNumberId, TestNumbers.BrazilCustomer(), name, "en_US", "Ana")).ResponseAsync;

    private async Task<V1.BusinessNumber> Profile(string businessNumberId) =>
        (await api.BusinessNumbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = businessNumberId })).BusinessNumber;

    private async Task<V1.MessagingLimit> Limit(string portfolioId) =>
        (await api.BusinessNumbers.GetMessagingLimitAsync(new V1.GetMessagingLimitRequest { PortfolioId = portfolioId })).MessagingLimit;

    private static JsonObject Signal(string wabaId, string field, JsonObject value) =>
        MetaPayload.Envelope(MetaPayload.Entry(wabaId, MetaPayload.Change(field, value)));

    /// <summary>The payload with its entry's time, as Meta stamps every entry.</summary>
    private static JsonObject Timed(JsonObject payload, DateTimeOffset at)
    {
        payload["entry"]![0]!["time"] = at.ToUnixTimeSeconds();
        return payload;
    }

    private static JsonObject Capability(JsonNode limit) => new()
    {
        ["max_daily_conversations_per_business"] = limit,
        ["max_phone_numbers_per_business"] = 20,
        ["max_phone_numbers_per_waba"] = 20,
    };

    private static JsonObject Restriction(params (string Type, DateTimeOffset? Expires)[] restrictions) => new()
    {
        ["event"] = "ACCOUNT_RESTRICTION",
        ["restriction_info"] = new JsonArray([.. restrictions.Select(r =>
        {
            var item = new JsonObject { ["restriction_type"] = r.Type };
            if (r.Expires is { } expires)
            {
                item["expiration"] = expires.ToUnixTimeSeconds();
            }

            return (JsonNode)item;
        })]),
    };

    private static JsonObject Ban(string state, string? date = null)
    {
        var info = new JsonObject { ["waba_ban_state"] = state };
        if (date is not null)
        {
            info["waba_ban_date"] = date;
        }

        return new JsonObject { ["event"] = "DISABLED_UPDATE", ["ban_info"] = info };
    }
}
