using Conversations.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using V1 = Conversations.V1;
using static Conversations.Api.Tests.RateLimiting.RateLimitedApiFactory;

namespace Conversations.Api.Tests.RateLimiting;

/// <summary>
/// Each caller (its token's subject) has its own rate: <see cref="Burst"/> calls at once, one more a second. Beyond it a
/// call is RESOURCE_EXHAUSTED RATE_LIMITED with retry_after, as a gRPC status. Tokens come back in real time:
/// System.Threading.RateLimiting reads the machine's clock, not an injected one, so the tests count calls up to the
/// refusal and wait (bounded) for the recovery rather than moving a fake clock.
/// </summary>
public sealed class CallerRateLimitTests(RateLimitedApiFactory api) : IClassFixture<RateLimitedApiFactory>
{
    private static string NewCaller() => "caller-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_call_beyond_the_callers_burst_is_RESOURCE_EXHAUSTED_RATE_LIMITED_with_retry_after_as_a_gRPC_status()
    {
        // Arrange
        using var channel = api.CallerChannel(NewCaller());

        // Act
        var (went, refused) = await CallUntilRefused(ListTemplates(channel));

        // Assert
        Assert.InRange(went, Burst, Burst + 2);
        var (code, info) = Refused.Decode(Assert.IsType<RpcException>(refused));
        Assert.Equal((StatusCode.ResourceExhausted, "RATE_LIMITED", Refused.Domain), (code, info.Reason, info.Domain));
        Assert.Equal([("retry_after", "1")], info.Metadata.Select(m => (m.Key, m.Value)));
    }

    [Fact]
    public async Task Another_caller_keeps_its_whole_rate_while_one_is_refused()
    {
        // Arrange
        using var spent = api.CallerChannel(NewCaller());
        using var other = api.CallerChannel(NewCaller());
        Assert.NotNull((await CallUntilRefused(ListTemplates(spent))).Refused);

        // Act
        var (went, refused) = await CallUntilRefused(ListTemplates(other), most: Burst);

        // Assert
        Assert.Equal((Burst, null), (went, refused));
    }

    [Fact]
    public async Task A_refused_caller_is_served_again_once_a_second_has_given_a_call_back()
    {
        // Arrange
        using var channel = api.CallerChannel(NewCaller());
        Assert.NotNull((await CallUntilRefused(ListTemplates(channel))).Refused);

        // Act
        var served = await Eventually.Succeeds(
            async () => await new V1.TemplatesService.TemplatesServiceClient(channel).ListTemplatesAsync(new V1.ListTemplatesRequest { WabaId = "2000000001" }),
            e => e is RpcException { StatusCode: StatusCode.ResourceExhausted },
            TimeSpan.FromSeconds(10));

        // Assert
        Assert.Empty(served.Templates);
    }

    [Fact]
    public async Task Health_checks_are_never_limited()
    {
        // Arrange
        using var channel = api.CallerChannel(NewCaller());
        Assert.NotNull((await CallUntilRefused(ListTemplates(channel))).Refused);
        var health = new Health.HealthClient(channel);

        // Act
        var answers = new List<HealthCheckResponse.Types.ServingStatus>();
        for (var i = 0; i < 4 * Burst; i++)
        {
            answers.Add((await health.CheckAsync(new HealthCheckRequest())).Status);
        }

        // Assert
        Assert.All(answers, status => Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, status));
    }

    [Fact]
    public async Task A_StreamSends_stream_is_one_call_its_items_are_not_counted_and_opening_one_is()
    {
        // Arrange
        var (number, customer) = await new Scenario(api).OpenConversation();
        using var channel = api.CallerChannel(NewCaller());
        var client = new V1.ConversationsService.ConversationsServiceClient(channel);

        // Act
        using var call = client.StreamSends();
        for (var i = 0; i < Burst + 3; i++)
        {
            await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = $"{i}", Request = Scenario.Text(number.BusinessNumberId, customer, $"update {i}") });
        }

        await call.RequestStream.CompleteAsync();
        var outcomes = await call.ResponseStream.ReadAllAsync().ToListAsync();
        var (opened, refused) = await CallUntilRefused(() => OpenEmptyStream(client));

        // Assert
        Assert.Equal(Burst + 3, outcomes.Count(o => o.Receipt is not null));
        Assert.InRange(opened, Burst - 1, Burst + 1);
        Assert.Equal((StatusCode.ResourceExhausted, "RATE_LIMITED"), (refused!.StatusCode, Refused.Decode(refused).Info.Reason));
    }

    [Fact]
    public async Task A_call_without_a_token_is_refused_as_unauthenticated_before_any_rate_is_counted()
    {
        // Arrange
        using var anonymous = api.ChannelWith(token: null);

        // Act
        var reasons = new List<(StatusCode, string)>();
        for (var i = 0; i < 2 * Burst; i++)
        {
            var exception = await Assert.ThrowsAsync<RpcException>(ListTemplates(anonymous));
            reasons.Add((exception.StatusCode, Refused.Decode(exception).Info.Reason));
        }

        // Assert
        Assert.All(reasons, r => Assert.Equal((StatusCode.Unauthenticated, "TOKEN_MISSING"), r));
    }

    /// <summary>Opens StreamSends, sends nothing and reads it to its end; throws the status it was refused with.</summary>
    private static async Task OpenEmptyStream(V1.ConversationsService.ConversationsServiceClient client)
    {
        using var call = client.StreamSends();
        await call.RequestStream.CompleteAsync();
        await call.ResponseStream.ReadAllAsync().ToListAsync();
    }
}
