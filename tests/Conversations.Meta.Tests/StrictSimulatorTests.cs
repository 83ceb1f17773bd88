using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Meta.Simulator;
using Conversations.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Conversations.Meta.Tests;

/// <summary>The simulator refuses what Meta refuses: a number's throughput (130429), the pair rate (131056), the template rules and marketing to US numbers.</summary>
public sealed class StrictSimulatorTests
{
    private const string Waba = "102290129340398";

    /// <summary>No retries: each refusal is seen as Meta answered it.</summary>
    private static readonly Dictionary<string, string> s_noRetries = new() { ["Conversations:Meta:RateLimitedRetries"] = "0" };

    /// <summary>A second counts both its ends, as <see cref="Arrivals.BusiestSecond"/> does: a place frees just after it.</summary>
    private static readonly TimeSpan OneSecondLater = TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(1);

    private static TemplateMessage Template(string name = "order_update", string language = "en_US") =>
        new(name, language, ["12345"], ImmutableSortedDictionary<string, string>.Empty);

    [Fact]
    public async Task A_number_beyond_its_throughput_within_one_second_is_refused_130429_and_the_next_second_takes_it()
    {
        var realTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var loop = await MetaLoop.Start(client: s_noRetries!, simulator: o => o.Numbers[MetaLoop.BusinessNumber] = new SimulatedNumberOptions { ThroughputPerSecond = 3 }, realTime: realTime);

        var withinSecond = new List<DispatchResult>();
        for (var i = 0; i < 4; i++)
        {
            withinSecond.Add(await loop.Send(Template(), to: $"4477009001{i:00}"));
        }

        realTime.Advance(OneSecondLater);
        var nextSecond = await loop.Send(Template(), to: "447700900199");

        Assert.Equal([true, true, true, false], withinSecond.Select(r => r.Accepted));
        Assert.Equal((130429, MetaErrorClass.RateLimited), (withinSecond[3].Error?.Code, withinSecond[3].ErrorClass));
        Assert.True(nextSecond.Accepted);
    }

    [Fact]
    public async Task A_number_nobody_gave_a_throughput_has_Metas_80_a_second_and_can_be_upgraded_to_1000()
    {
        var realTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var loop = await MetaLoop.Start(client: s_noRetries!, realTime: realTime);
        var customers = Enumerable.Range(0, 1001).Select(i => $"44770090{i:0000}").ToList();

        var atDefault = new List<bool>();
        foreach (var customer in customers.Take(81))
        {
            atDefault.Add((await loop.Send(Template(), to: customer)).Accepted);
        }

        realTime.Advance(OneSecondLater);
        using var http = new HttpClient { BaseAddress = loop.Simulator.BaseAddress };
        using var upgrade = await http.PostAsync("simulator/numbers", Json($$"""{"phone_number_id":"{{MetaLoop.BusinessNumber}}","throughput_per_second":100}"""));
        var upgraded = new List<bool>();
        foreach (var customer in customers.Skip(100).Take(101))
        {
            upgraded.Add((await loop.Send(Template(), to: customer)).Accepted);
        }

        Assert.Equal(HttpStatusCode.NoContent, upgrade.StatusCode);
        Assert.Equal(80, atDefault.Count(a => a));
        Assert.False(atDefault[^1]);
        Assert.Equal(100, upgraded.Count(a => a));
        Assert.False(upgraded[^1]);
    }

    [Fact]
    public async Task The_pair_rate_lets_45_messages_to_one_customer_through_then_refuses_131056_until_6_seconds_give_one_more()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var loop = await MetaLoop.Start(client: s_noRetries!, simulator: o => o.DefaultThroughputPerSecond = 1000, simulatorClock: clock);

        var burst = new List<DispatchResult>();
        for (var i = 0; i < 46; i++)
        {
            burst.Add(await loop.Send(Template()));
        }

        var otherCustomer = await loop.Send(Template(), to: "447700900123");
        clock.Advance(TimeSpan.FromSeconds(6));
        var oneMore = await loop.Send(Template());
        var tooSoon = await loop.Send(Template());

        Assert.Equal(45, burst.Count(r => r.Accepted));
        Assert.Equal((131056, MetaErrorClass.RateLimited), (burst[^1].Error?.Code, burst[^1].ErrorClass));
        Assert.True(otherCustomer.Accepted, "the pair rate is per customer");
        Assert.True(oneMore.Accepted);
        Assert.Equal(131056, tooSoon.Error?.Code);
    }

    [Fact]
    public async Task A_WABAs_templates_are_enforced_132001_for_a_missing_name_or_language_132015_paused_132016_disabled()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var loop = await MetaLoop.Start(simulator: o => o.TemplateReviewDelay = TimeSpan.FromMinutes(1), simulatorClock: clock);
        loop.Simulator.SetNumber(MetaLoop.BusinessNumber, Waba, throughputPerSecond: null);
        using var http = Graph(loop);
        (await Submit(http, "order_update", "en_US", "UTILITY")).EnsureSuccessStatusCode();
        (await Submit(http, "order_delayed", "en_US", "UTILITY")).EnsureSuccessStatusCode();
        var pending = await loop.Send(Template());
        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.True(() => loop.Simulator.TemplateOf(Waba, "order_delayed", "en_US")?.Status == "APPROVED", "the review approves");

        var approved = await loop.Send(Template());
        var unknownName = await loop.Send(Template("order_lost"));
        var otherLanguage = await loop.Send(Template(language: "pt_BR"));
        using var pause = await http.PostAsync("/simulator/templates/status", Json($$"""{"waba_id":"{{Waba}}","name":"order_update","language":"en_US","status":"PAUSED"}"""));
        var paused = await loop.Send(Template());
        using var disable = await http.PostAsync("/simulator/templates/status", Json($$"""{"waba_id":"{{Waba}}","name":"order_delayed","language":"en_US","status":"DISABLED"}"""));
        var disabled = await loop.Send(Template("order_delayed"));

        Assert.Equal(132001, pending.Error?.Code);
        Assert.True(approved.Accepted);
        Assert.Equal((132001, 132001), (unknownName.Error?.Code, otherLanguage.Error?.Code));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (pause.StatusCode, disable.StatusCode));
        Assert.Equal((132015, MetaErrorClass.Permanent), (paused.Error?.Code, paused.ErrorClass));
        Assert.Equal(132016, disabled.Error?.Code);
        Assert.Contains(loop.Receiver.Accepted, p => (string?)p["entry"]![0]!["changes"]![0]!["value"]!["event"] == "PAUSED");
    }

    [Fact]
    public async Task A_marketing_template_to_a_US_number_is_accepted_then_fails_with_131049_while_one_to_the_UK_is_delivered()
    {
        await using var loop = await MetaLoop.Start(simulator: o => o.TemplateCategories["spring_sale"] = "MARKETING");

        var toUs = await loop.Send(Template("spring_sale"), to: "16505551234");
        var toUk = await loop.Send(Template("spring_sale"), to: "447700900123");
        var utilityToUs = await loop.Send(Template(), to: "16505551234");

        Assert.True(toUs.Accepted && toUk.Accepted && utilityToUs.Accepted);
        await Eventually.True(() => loop.Receiver.StatusesOf(toUs.Wamid!).Count == 1 && loop.Receiver.StatusesOf(toUk.Wamid!).Count == 3 && loop.Receiver.StatusesOf(utilityToUs.Wamid!).Count == 3, "every status");
        var failed = loop.Receiver.StatusesOf(toUs.Wamid!)[0];
        Assert.Equal(("failed", 131049), ((string?)failed["status"], (int?)failed["errors"]![0]!["code"]));
    }

    [Fact]
    public async Task A_submitted_template_is_pending_until_its_review_then_approved_with_a_signed_status_webhook()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var loop = await MetaLoop.Start(simulator: o => o.TemplateReviewDelay = TimeSpan.FromHours(1), simulatorClock: clock);
        using var http = Graph(loop);

        using var submitted = await Submit(http, "order_update", "en_US", "utility");
        var answer = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;
        var listedPending = await List(http, "");
        clock.Advance(TimeSpan.FromMinutes(59));
        var stillPending = loop.Simulator.TemplateOf(Waba, "order_update", "en_US")!.Status;
        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.True(() => loop.Receiver.Accepted.Count == 1, "the status webhook");

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(("PENDING", "UTILITY"), ((string?)answer["status"], (string?)answer["category"]));
        Assert.Equal(["PENDING"], listedPending["data"]!.AsArray().Select(t => (string?)t!["status"]));
        Assert.Equal("PENDING", stillPending);
        Assert.Equal(0, loop.Receiver.BadSignatures);
        var change = loop.Receiver.Accepted[0]["entry"]![0]!["changes"]![0]!;
        Assert.Equal((Waba, "message_template_status_update"), ((string?)loop.Receiver.Accepted[0]["entry"]![0]!["id"], (string?)change["field"]));
        JsonAssert.Equal(
            $$"""{"event":"APPROVED","message_template_id":{{(string)answer["id"]!}},"message_template_name":"order_update","message_template_language":"en_US","reason":"NONE","message_template_category":"UTILITY"}""",
            change["value"]);
        Assert.Equal("APPROVED", (string?)(await List(http, ""))["data"]![0]!["status"]);
    }

    [Fact]
    public async Task A_review_configured_to_reject_rejects_with_its_reason()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var loop = await MetaLoop.Start(simulator: o => (o.TemplateReviewDelay, o.TemplateReviewOutcome, o.TemplateRejectionReason) = (TimeSpan.FromSeconds(30), "REJECTED", "PROMOTIONAL"), simulatorClock: clock);
        using var http = Graph(loop);

        (await Submit(http, "order_update", "en_US", "UTILITY")).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromSeconds(30));
        await Eventually.True(() => loop.Receiver.Accepted.Count == 1, "the status webhook");

        var value = loop.Receiver.Accepted[0]["entry"]![0]!["changes"]![0]!["value"]!;
        Assert.Equal(("REJECTED", "PROMOTIONAL"), ((string?)value["event"], (string?)value["reason"]));
        Assert.Equal("REJECTED", loop.Simulator.TemplateOf(Waba, "order_update", "en_US")!.Status);
    }

    [Fact]
    public async Task The_template_list_is_paged_with_cursors_as_Metas()
    {
        await using var loop = await MetaLoop.Start();
        using var http = Graph(loop);
        foreach (var name in new[] { "first", "second", "third" })
        {
            (await Submit(http, name, "en_US", "UTILITY")).EnsureSuccessStatusCode();
        }

        var firstPage = await List(http, "?limit=2");
        var next = new Uri((string)firstPage["paging"]!["next"]!);
        var secondPage = await List(http, next.Query);

        Assert.Equal(["first", "second"], firstPage["data"]!.AsArray().Select(t => (string?)t!["name"]));
        Assert.Equal(["third"], secondPage["data"]!.AsArray().Select(t => (string?)t!["name"]));
        Assert.Null(secondPage["paging"]!["next"]);
        Assert.Equal((string?)firstPage["paging"]!["cursors"]!["after"], (string?)secondPage["paging"]!["cursors"]!["before"]);
    }

    [Theory]
    [InlineData("""{"name":"Order Update","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hi"}]}""", "name")]
    [InlineData("""{"name":"order_update","language":"english","category":"UTILITY","components":[{"type":"BODY","text":"Hi"}]}""", "language")]
    [InlineData("""{"name":"order_update","language":"en_US","category":"PROMOTION","components":[{"type":"BODY","text":"Hi"}]}""", "category")]
    [InlineData("""{"name":"order_update","language":"en_US","category":"UTILITY","components":[{"type":"HEADER","text":"Hi"}]}""", "components")]
    [InlineData("""[1,2]""", "JSON object")]
    public async Task A_malformed_template_is_refused_with_100_naming_the_parameter(string body, string named)
    {
        await using var loop = await MetaLoop.Start();
        using var http = Graph(loop);

        using var response = await http.PostAsync($"/v25.0/{Waba}/message_templates", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(100, (int?)error["code"]);
        Assert.Contains(named, (string?)error["error_data"]!["details"], StringComparison.Ordinal);
        Assert.Empty((await List(http, ""))["data"]!.AsArray());
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=x")]
    [InlineData("?after=not-a-cursor")]
    public async Task A_template_list_with_a_bad_limit_or_cursor_is_refused_with_100(string query)
    {
        await using var loop = await MetaLoop.Start();
        using var http = Graph(loop);

        using var response = await http.GetAsync($"/v25.0/{Waba}/message_templates{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(100, (int?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]);
    }

    [Fact]
    public async Task The_template_endpoints_without_a_bearer_token_are_refused_with_190_and_a_duplicate_with_100()
    {
        await using var loop = await MetaLoop.Start();
        using var anonymous = new HttpClient { BaseAddress = loop.Simulator.BaseAddress };
        using var http = Graph(loop);

        using var list = await anonymous.GetAsync($"/v25.0/{Waba}/message_templates");
        using var create = await Submit(anonymous, "order_update", "en_US", "UTILITY");
        (await Submit(http, "order_update", "en_US", "UTILITY")).EnsureSuccessStatusCode();
        using var duplicate = await Submit(http, "order_update", "en_US", "MARKETING");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (list.StatusCode, create.StatusCode));
        Assert.Equal(190, (int?)JsonNode.Parse(await create.Content.ReadAsStringAsync())!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("UTILITY", loop.Simulator.TemplateOf(Waba, "order_update", "en_US")!.Category);
    }

    [Theory]
    [InlineData("phone_number_quality_update", """{"display_phone_number":"16505551234","event":"FLAGGED","current_limit":"TIER_2K"}""")]
    [InlineData("business_capability_update", """{"max_daily_conversations_per_business":10000}""")]
    [InlineData("account_update", """{"event":"DISABLED_UPDATE","ban_info":{"waba_ban_state":"DISABLE","waba_ban_date":"2026-11-25"}}""")]
    public async Task An_account_signal_is_posted_as_Metas_signed_webhook_of_its_field(string field, string value)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var loop = await MetaLoop.Start(simulatorClock: clock);
        using var http = new HttpClient { BaseAddress = loop.Simulator.BaseAddress };

        using var response = await http.PostAsync("/simulator/signals", Json($$"""{"waba_id":"{{Waba}}","field":"{{field}}","value":{{value}}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 0), (loop.Receiver.Accepted.Count, loop.Receiver.BadSignatures));
        JsonAssert.Equal(
            $$"""{"object":"whatsapp_business_account","entry":[{"id":"{{Waba}}","time":{{clock.GetUtcNow().ToUnixTimeSeconds()}},"changes":[{"value":{{value}},"field":"{{field}}"}]}]}""",
            loop.Receiver.Accepted[0]);
    }

    [Theory]
    [InlineData("/simulator/signals", """{"waba_id":"1","field":"messages","value":{}}""")]
    [InlineData("/simulator/signals", """{"waba_id":"1","field":"account_update","value":"DISABLE"}""")]
    [InlineData("/simulator/signals", """{"field":"account_update","value":{}}""")]
    [InlineData("/simulator/numbers", """{"phone_number_id":"106540352242922","throughput_per_second":0}""")]
    [InlineData("/simulator/numbers", """{"phone_number_id":"not-digits"}""")]
    [InlineData("/simulator/templates/status", """{"waba_id":"1","name":"order_update","language":"en_US","status":"SLEEPING"}""")]
    public async Task An_operator_request_with_bad_input_is_refused_400_and_changes_nothing(string path, string body)
    {
        await using var loop = await MetaLoop.Start();
        using var http = new HttpClient { BaseAddress = loop.Simulator.BaseAddress };

        using var response = await http.PostAsync(path, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, loop.Receiver.Posts);
        Assert.True((await loop.Send(Template())).Accepted, "the number keeps Meta's default throughput");
    }

    [Fact]
    public async Task A_status_change_of_a_template_Meta_does_not_hold_is_404()
    {
        await using var loop = await MetaLoop.Start();
        using var http = new HttpClient { BaseAddress = loop.Simulator.BaseAddress };

        using var response = await http.PostAsync("/simulator/templates/status", Json($$"""{"waba_id":"{{Waba}}","name":"order_update","language":"en_US","status":"PAUSED"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, loop.Receiver.Posts);
    }

    private static HttpClient Graph(MetaLoop loop)
    {
        var http = new HttpClient { BaseAddress = loop.Simulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetaLoop.AccessToken);
        return http;
    }

    private static Task<HttpResponseMessage> Submit(HttpClient http, string name, string language, string category) =>
        http.PostAsync($"/v25.0/{Waba}/message_templates", Json($$"""{"name":"{{name}}","language":"{{language}}","category":"{{category}}","components":[{"type":"BODY","text":"Your order {{1}} has shipped"}]}"""));

    private static async Task<JsonNode> List(HttpClient http, string query) =>
        JsonNode.Parse(await http.GetStringAsync($"/v25.0/{Waba}/message_templates{query}"))!;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
