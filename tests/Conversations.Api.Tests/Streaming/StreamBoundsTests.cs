using System.Globalization;
using Conversations.Abstractions.Events;
using Conversations.Api.Streaming;
using Conversations.Api.Tests.Auth;
using Conversations.Auth;
using Conversations.Testing;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using V1 = Conversations.V1;
using static Conversations.Api.Tests.Streaming.StreamBoundsApiFactory;

namespace Conversations.Api.Tests.Streaming;

/// <summary>
/// What streams may hold: Subscribe and StreamSends calls per caller (token subject) and per api process, each slot
/// given back when its call ends however it ends, and at most MaxReplayEvents replayed by one Subscribe.
/// </summary>
public sealed class StreamBoundsTests(StreamBoundsApiFactory api) : IClassFixture<StreamBoundsApiFactory>, IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _subscriptions = [];
    private readonly List<IDisposable> _calls = [];

    private StreamCaps Caps => api.Services.GetRequiredService<StreamCaps>();

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Ends every stream the test opened and waits until the server gave every slot back, for the next test.</summary>
    public async Task DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }

        foreach (var call in _calls)
        {
            call.Dispose();
        }

        await Released(Caps.Subscribe, 0);
        await Released(Caps.StreamSends, 0);
    }

    [Fact]
    public async Task A_caller_at_its_subscription_cap_is_refused_while_another_caller_subscribes_up_to_the_process_cap()
    {
        // Arrange: caller A holds its two subscriptions.
        var tenant = await Tenant.Create(api);
        var (a, b) = (Client(tenant, "caller-a", Scopes.Read), Client(tenant, "caller-b", Scopes.Read));
        await Subscribed(a, tenant.BusinessNumberId);
        await Subscribed(a, tenant.BusinessNumberId);

        // Act
        var callerFull = await Refused.With(StatusCode.ResourceExhausted, "STREAMS_EXHAUSTED", () => FirstEvent(a, tenant.BusinessNumberId));
        await Subscribed(b, tenant.BusinessNumberId);
        var processFull = await Refused.With(StatusCode.ResourceExhausted, "STREAMS_EXHAUSTED", () => FirstEvent(b, tenant.BusinessNumberId));

        // Assert: A's cap is A's alone; B got the process's last slot and was refused by the process cap, not its own.
        Assert.Equal(("Subscribe", "caller", $"{SubscriptionsPerCaller}"), Cap(callerFull));
        Assert.Equal(("Subscribe", "process", $"{SubscriptionsInAll}"), Cap(processFull));
        Assert.Equal(SubscriptionsInAll, Caps.Subscribe.Open);
    }

    [Fact]
    public async Task Subscriptions_ended_by_the_client_or_by_their_deadline_give_their_slots_back()
    {
        // Arrange: caller A's two slots, one held by a call with a deadline.
        var tenant = await Tenant.Create(api);
        var a = Client(tenant, "caller-a", Scopes.Read);
        var cancelled = await EventSubscription.Start(a, tenant.BusinessNumberId);
        using var timed = a.Subscribe(new V1.SubscribeRequest { BusinessNumberId = tenant.BusinessNumberId }, deadline: DateTime.UtcNow.AddMilliseconds(300));
        await timed.ResponseHeadersAsync;

        // Act
        await cancelled.DisposeAsync();
        var expired = await Assert.ThrowsAsync<RpcException>(() => timed.ResponseStream.MoveNext(CancellationToken.None));
        await Released(Caps.Subscribe, 0);
        await Subscribed(a, tenant.BusinessNumberId);
        await Subscribed(a, tenant.BusinessNumberId);

        // Assert: both slots were free again, or the second subscription would have been refused. Which side sees the
        // deadline first is a race: the client's timer answers DeadlineExceeded, the server's abort of the in-memory
        // test stream reaches the client as Unavailable. Either way the call ended by its deadline, not by the client.
        Assert.Contains(expired.StatusCode, new[] { StatusCode.DeadlineExceeded, StatusCode.Unavailable });
        Assert.Equal(SubscriptionsPerCaller, Caps.Subscribe.Open);
    }

    [Fact]
    public async Task With_every_slot_taken_an_unauthenticated_or_other_tenants_subscription_is_refused_for_what_it_is()
    {
        // Arrange: the process's three slots taken, two of them by caller A.
        var (tenant, other) = (await Tenant.Create(api), await Tenant.Create(api));
        var (a, b) = (Client(tenant, "caller-a", Scopes.Read), Client(tenant, "caller-b", Scopes.Read));
        await Subscribed(a, tenant.BusinessNumberId);
        await Subscribed(a, tenant.BusinessNumberId);
        await Subscribed(b, tenant.BusinessNumberId);
        var anonymous = new V1.ConversationsService.ConversationsServiceClient(Channel(token: null));

        // Act
        var unauthenticated = await Refused.With(StatusCode.Unauthenticated, "TOKEN_MISSING", () => FirstEvent(anonymous, tenant.BusinessNumberId));
        var otherTenant = await Refused.With(StatusCode.PermissionDenied, "WABA_NOT_ALLOWED", () => FirstEvent(a, other.BusinessNumberId));

        // Assert
        Assert.Equal(Refused.Domain, unauthenticated.Domain);
        Assert.Equal("business_number_id", otherTenant.Metadata["field"]);
        Assert.Equal(SubscriptionsInAll, Caps.Subscribe.Open);
    }

    [Fact]
    public async Task Refused_subscriptions_take_no_slot()
    {
        // Arrange: a number with more events than one replay may stream, and another tenant's number.
        var (tenant, other) = (await Tenant.Create(api), await Tenant.Create(api));
        await Inbounds(tenant, 3);
        var a = Client(tenant, "caller-a", Scopes.Read);

        // Act: three of each refusal after authentication, then the caller's whole cap.
        for (var i = 0; i < 3; i++)
        {
            await Refused.With(StatusCode.PermissionDenied, "WABA_NOT_ALLOWED", () => FirstEvent(a, other.BusinessNumberId));
            await Refused.With(StatusCode.ResourceExhausted, "REPLAY_TOO_LARGE", () => FirstEvent(a, tenant.BusinessNumberId, afterPosition: 0));
            await Refused.With(StatusCode.InvalidArgument, "INVALID_FIELD", () => FirstEvent(a, tenant.BusinessNumberId, afterPosition: 1_000_000));
        }

        await Subscribed(a, tenant.BusinessNumberId);
        await Subscribed(a, tenant.BusinessNumberId);

        // Assert
        Assert.Equal(SubscriptionsPerCaller, Caps.Subscribe.Open);
    }

    [Fact]
    public async Task A_subscription_further_behind_than_one_replay_is_refused_saying_where_to_resume_and_resuming_there_replays_the_rest()
    {
        // Arrange: more events than one replay may stream, every one retained.
        var tenant = await Tenant.Create(api);
        await Inbounds(tenant, 3);
        var latest = (await api.Services.GetRequiredService<IGrainFactory>().GetGrain<IConversationEventHubGrain>(tenant.BusinessNumberId).GetStatus()).LatestPosition;
        var a = Client(tenant, "caller-a", Scopes.Read);

        // Act
        var refused = await Refused.With(StatusCode.ResourceExhausted, "REPLAY_TOO_LARGE", () => FirstEvent(a, tenant.BusinessNumberId, afterPosition: 0));
        var resumeAfter = ulong.Parse(refused.Metadata["min_after_position"], CultureInfo.InvariantCulture);
        var resumed = await Subscribed(a, tenant.BusinessNumberId, afterPosition: resumeAfter);
        var replayed = await resumed.WaitFor(events => events.Count == MaxReplayEvents);

        // Assert: the refusal says how far behind, the bound, the tail and the oldest cursor allowed; from there, the rest.
        Assert.Equal(
            ("after_position", $"{MaxReplayEvents}", $"{latest}", $"{latest}", $"{latest - MaxReplayEvents}"),
            (refused.Metadata["field"], refused.Metadata["max_replay_events"], refused.Metadata["replay_events"], refused.Metadata["latest_position"], refused.Metadata["min_after_position"]));
        Assert.Equal(Enumerable.Range(1, MaxReplayEvents).Select(i => resumeAfter + (ulong)i), replayed.Select(e => e.Position));
        Assert.DoesNotContain(replayed, e => e.EventsMissedBefore);
    }

    [Fact]
    public async Task StreamSends_are_capped_per_caller_and_per_process_and_an_ended_stream_gives_its_slot_back()
    {
        // Arrange: callers A and B each hold a StreamSends, which is each one's cap and the process's.
        var tenant = await Tenant.Create(api);
        var (a, b, c) = (Client(tenant, "caller-a", Scopes.Send), Client(tenant, "caller-b", Scopes.Send), Client(tenant, "caller-c", Scopes.Send));
        var first = await SendStream(a);
        await SendStream(b);
        var anonymous = new V1.ConversationsService.ConversationsServiceClient(Channel(token: null));

        // Act
        var callerFull = await Refused.With(StatusCode.ResourceExhausted, "STREAMS_EXHAUSTED", () => RefusedStream(a));
        var processFull = await Refused.With(StatusCode.ResourceExhausted, "STREAMS_EXHAUSTED", () => RefusedStream(c));
        await Refused.With(StatusCode.Unauthenticated, "TOKEN_MISSING", () => RefusedStream(anonymous));
        await first.RequestStream.CompleteAsync();
        Assert.False(await first.ResponseStream.MoveNext(CancellationToken.None));
        await Released(Caps.StreamSends, SendStreamsInAll - 1);
        await SendStream(c);

        // Assert
        Assert.Equal(("StreamSends", "caller", $"{SendStreamsPerCaller}"), Cap(callerFull));
        Assert.Equal(("StreamSends", "process", $"{SendStreamsInAll}"), Cap(processFull));
        Assert.Equal(SendStreamsInAll, Caps.StreamSends.Open);
    }

    [Fact]
    public async Task In_development_mode_every_call_is_one_caller_whatever_token_it_sends()
    {
        // Arrange: no Conversations:Auth, one subscription per caller.
        await using var development = new ConfiguredApiFactory(new Dictionary<string, string>(ConfiguredApiFactory.WithoutAuth)
        {
            ["Conversations:Streaming:MaxSubscriptionsPerCaller"] = "1",
        });
        var number = TestNumbers.BusinessNumberId();
        await development.BusinessNumbers.RegisterBusinessNumberAsync(new V1.RegisterBusinessNumberRequest { BusinessNumberId = number, WabaId = TestNumbers.WabaId() });
        using var first = development.ChannelWith(ApiFactory.Token(Scopes.All, [CallerClaims.Any], subject: "caller-a"));
        using var second = development.ChannelWith(ApiFactory.Token(Scopes.All, [CallerClaims.Any], subject: "caller-b"));
        await using var held = await EventSubscription.Start(new V1.ConversationsService.ConversationsServiceClient(first), number);

        // Act
        var refused = await Refused.With(StatusCode.ResourceExhausted, "STREAMS_EXHAUSTED", () => FirstEvent(new V1.ConversationsService.ConversationsServiceClient(second), number));

        // Assert
        Assert.Equal(("Subscribe", "caller", "1"), Cap(refused));
    }

    private static (string Rpc, string Cap, string Limit) Cap(ErrorInfo info) => (info.Metadata["rpc"], info.Metadata["cap"], info.Metadata["limit"]);

    private static Task Released(StreamSlots slots, int open) => Eventually.Until(() => Task.FromResult(slots.Open), o => o == open);

    /// <summary>Reads a Subscribe call's first event: for a refused call, its status.</summary>
    private static async Task FirstEvent(V1.ConversationsService.ConversationsServiceClient client, string businessNumberId, ulong? afterPosition = null)
    {
        var request = new V1.SubscribeRequest { BusinessNumberId = businessNumberId };
        if (afterPosition is { } after)
        {
            request.AfterPosition = after;
        }

        using var call = client.Subscribe(request);
        await call.ResponseStream.MoveNext(CancellationToken.None);
    }

    /// <summary>A StreamSends call that is refused before it reads a request.</summary>
    private static async Task RefusedStream(V1.ConversationsService.ConversationsServiceClient client)
    {
        using var call = client.StreamSends();
        await call.ResponseStream.MoveNext(CancellationToken.None);
    }

    private GrpcChannel Channel(string? token)
    {
        var channel = api.ChannelWith(token);
        _calls.Add(channel);
        return channel;
    }

    private V1.ConversationsService.ConversationsServiceClient Client(Tenant tenant, string subject, string scope) =>
        new(Channel(tenant.Token([scope], subject)));

    private async Task<EventSubscription> Subscribed(V1.ConversationsService.ConversationsServiceClient client, string businessNumberId, ulong? afterPosition = null)
    {
        var subscription = await EventSubscription.Start(client, businessNumberId, afterPosition: afterPosition);
        _subscriptions.Add(subscription);
        return subscription;
    }

    /// <summary>A StreamSends call known to be served: its first item (a request without a send) was answered.</summary>
    private async Task<AsyncDuplexStreamingCall<V1.StreamSendsRequest, V1.StreamSendsResponse>> SendStream(V1.ConversationsService.ConversationsServiceClient client)
    {
        var call = client.StreamSends();
        _calls.Add(call);
        await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = "probe" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("MISSING_FIELD", call.ResponseStream.Current.Refusal.Reason);
        return call;
    }

    /// <summary>Inbound messages from new customers: each raises two events (the message, the window opened).</summary>
    private async Task Inbounds(Tenant tenant, int customers)
    {
        for (var i = 0; i < customers; i++)
        {
            await api.Conversations.RecordInboundAsync(Scenario.Inbound(tenant.BusinessNumberId, TestNumbers.Customer(), api.Clock.GetUtcNow()));
        }
    }
}
