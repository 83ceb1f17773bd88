using System.Diagnostics;
using System.Globalization;
using Conversations.Testing;
using Google.Rpc;
using Grpc.Core;
using Xunit.Abstractions;

namespace Conversations.Api.Tests.Failures;

/// <summary>
/// With redis-server killed a call cannot be stored: the caller hears UNAVAILABLE with a reason and when to retry, within
/// about the Redis timeout, rather than waiting out the Redis client's defaults for an INTERNAL (as it did: ~6 s).
/// </summary>
public sealed class RedisOutageTests(RedisApiFactory api, ITestOutputHelper output) : IClassFixture<RedisApiFactory>
{
    /// <summary>Generous on purpose: what is tested is "about two seconds, not six", not a speed.</summary>
    private static TimeSpan Bound => TimeSpan.FromSeconds(5);

    private readonly Scenario _scenario = new(api);

    [Fact]
    public async Task A_write_to_an_active_conversation_while_redis_server_is_killed_answers_STORAGE_UNAVAILABLE_with_retry_after()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();

        // Act
        var (info, elapsed) = await WhileRedisIsKilled(() => _scenario.RecordInbound(number.BusinessNumberId, customer, _scenario.Now));

        // Assert
        Assert.True(elapsed < Bound, $"answered after {elapsed}");
        Assert.Equal("1", info.Metadata["retry_after"]);
    }

    [Fact]
    public async Task A_conversation_activated_while_redis_server_is_killed_answers_STORAGE_UNAVAILABLE_and_works_once_it_is_back()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();

        // Act
        var (_, elapsed) = await WhileRedisIsKilled(() => _scenario.Get(number.BusinessNumberId, customer));
        var afterwards = await Eventually.Succeeds(() => _scenario.RecordInbound(number.BusinessNumberId, customer, _scenario.Now), IsUnavailable);

        // Assert
        Assert.True(elapsed < Bound, $"answered after {elapsed}");
        Assert.True(afterwards.WindowOpen);
    }

    [Fact]
    public async Task A_send_whose_message_log_cannot_be_appended_while_redis_server_is_killed_answers_STORAGE_UNAVAILABLE()
    {
        // Arrange: after a first send, a send's intent goes to the message log (a Redis list of ours) before the state.
        var (number, customer) = await _scenario.OpenConversation();
        await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "first"));

        // Act
        var (_, elapsed) = await WhileRedisIsKilled(() => api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "second")).ResponseAsync);

        // Assert
        Assert.True(elapsed < Bound, $"answered after {elapsed}");
    }

    [Fact]
    public async Task A_write_while_redis_server_hangs_answers_STORAGE_UNAVAILABLE_after_the_redis_timeout_not_the_client_default()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        await api.Redis.Pause();
        try
        {
            // Act
            var elapsed = Stopwatch.StartNew();
            await Refused.With(StatusCode.Unavailable, "STORAGE_UNAVAILABLE", () => _scenario.RecordInbound(number.BusinessNumberId, customer, _scenario.Now));
            elapsed.Stop();

            // Assert
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"UNAVAILABLE after {elapsed.Elapsed.TotalMilliseconds:0} ms"));
            Assert.True(elapsed.Elapsed < Bound, $"answered after {elapsed.Elapsed}");
        }
        finally
        {
            await api.Redis.Resume();
            await BackInService();
        }
    }

    /// <summary>
    /// Waits until every store the next test's set-up touches answers again: numbers, a new conversation's state, its
    /// reminder, the message log and the feed reconnect on their own schedules, so one succeeding call proves too little.
    /// </summary>
    private Task BackInService() =>
        Eventually.Succeeds(
            async () =>
            {
                var (number, customer) = await _scenario.OpenConversation();
                return await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "back"));
            },
            IsUnavailable);

    private static bool IsUnavailable(Exception exception) => exception is RpcException { StatusCode: StatusCode.Unavailable };

    [Fact]
    public async Task Readiness_fails_while_redis_server_is_killed_and_liveness_holds()
    {
        using var http = api.CreateClient();
        api.Redis.Stop();
        try
        {
            using var ready = await http.GetAsync("/health/ready");
            using var live = await http.GetAsync("/health/live");

            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await api.Redis.Restart();
            await BackInService();
        }

        using var back = await http.GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, back.StatusCode);
    }

    /// <summary>Kills redis-server, makes the call, then starts redis-server again and waits until the api stores again.</summary>
    private async Task<(ErrorInfo Info, TimeSpan Elapsed)> WhileRedisIsKilled(Func<Task> call)
    {
        api.Redis.Stop();
        try
        {
            var elapsed = Stopwatch.StartNew();
            var info = await Refused.With(StatusCode.Unavailable, "STORAGE_UNAVAILABLE", call);
            elapsed.Stop();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"UNAVAILABLE {info.Reason} after {elapsed.Elapsed.TotalMilliseconds:0} ms"));
            return (info, elapsed.Elapsed);
        }
        finally
        {
            await api.Redis.Restart();
            await BackInService();
        }
    }
}
