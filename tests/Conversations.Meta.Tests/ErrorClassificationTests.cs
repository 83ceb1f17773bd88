using Conversations.Testing;
using System.Collections.Immutable;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Meta.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Meta.Tests;

/// <summary>
/// Which answers are retried, how often, and what the caller is told, with the simulator injecting Meta's errors and
/// loopback sockets standing in for a Meta that cannot be reached.
/// </summary>
public sealed class ErrorClassificationTests
{
    private const int TransientRetries = 3;
    private const int RateLimitedRetries = 2;

    private static readonly TemplateMessage OrderUpdate =
        new("order_update", "en_US", ["12345"], ImmutableSortedDictionary<string, string>.Empty);

    [Theory]
    [InlineData(131000, 500)]
    [InlineData(131016, 503)]
    [InlineData(131000, 400)]
    [InlineData(null, 500)]
    [InlineData(null, 503)]
    public async Task Transient_errors_are_retried_then_reported_transient(int? code, int httpStatus)
    {
        await using var loop = await MetaLoop.Start();
        loop.Simulator.Inject(new SimulatedFault { Code = code, HttpStatus = httpStatus, Times = 100 });

        var result = await loop.Send(OrderUpdate);

        Assert.Equal(MetaErrorClass.Transient, result.ErrorClass);
        Assert.Equal(code ?? 0, result.Error!.Code);
        Assert.Equal(1 + TransientRetries, loop.RequestsTo());
    }

    [Fact]
    public async Task A_transient_error_then_success_is_accepted_on_a_retry()
    {
        await using var loop = await MetaLoop.Start();
        loop.Simulator.Inject(new SimulatedFault { Code = 131000, HttpStatus = 500, Times = 2 });

        var result = await loop.Send(OrderUpdate);

        Assert.True(result.Accepted);
        Assert.Equal(3, loop.RequestsTo());
    }

    [Theory]
    [InlineData(130429)]
    [InlineData(131056)]
    public async Task Rate_limits_are_retried_fewer_times_then_reported_rate_limited(int code)
    {
        await using var loop = await MetaLoop.Start();
        loop.Simulator.Inject(new SimulatedFault { Code = code, Times = 100 });

        var result = await loop.Send(OrderUpdate);

        Assert.Equal(MetaErrorClass.RateLimited, result.ErrorClass);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(1 + RateLimitedRetries, loop.RequestsTo());
    }

    [Theory]
    [InlineData(131047)]
    [InlineData(132001)]
    [InlineData(131049)]
    [InlineData(131050)]
    [InlineData(100)]
    public async Task Permanent_errors_are_reported_at_once_and_never_retried(int code)
    {
        await using var loop = await MetaLoop.Start();
        loop.Simulator.Inject(new SimulatedFault { Code = code, Times = 100 });

        var result = await loop.Send(OrderUpdate);

        Assert.Equal(MetaErrorClass.Permanent, result.ErrorClass);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(MetaErrorBody.TitleOf(code), result.Error.Title);
        Assert.Equal(1, loop.RequestsTo());
    }

    [Fact]
    public async Task No_answer_after_the_request_reached_Meta_is_outcome_unknown_and_never_resent()
    {
        await using var loop = await MetaLoop.Start(new Dictionary<string, string?>
        {
            ["Conversations:Meta:ConnectTimeout"] = "00:00:00.400",
            ["Conversations:Meta:AttemptTimeout"] = "00:00:00.500",
        });
        loop.Simulator.Inject(new SimulatedFault { Delay = TimeSpan.FromMilliseconds(1500), Times = 100 });

        var result = await loop.Send(OrderUpdate);

        Assert.Equal(MetaErrorClass.OutcomeUnknown, result.ErrorClass);
        Assert.Equal(1, loop.RequestsTo());
        // Meta took it all the same: a resend would have been a second message to the customer.
        await Eventually.True(() => loop.Simulator.Received.Single().StatusCode == 200, "the simulator to accept the late request");
        Assert.Equal(1, loop.RequestsTo());
    }

    /// <param name="connection">"refused": nobody listens on the port; "timed out": the handshake never completes.</param>
    [Theory]
    [InlineData("refused")]
    [InlineData("timed out")]
    public async Task A_connection_that_never_reached_Meta_is_retried_then_transient(string connection)
    {
        using var unresponsive = connection == "timed out" ? new UnresponsiveListener() : null;
        var attempts = new StrongBox<int>();
        await using var loop = await MetaLoop.Start(
            unresponsive is null ? null : new Dictionary<string, string?> { ["Conversations:Meta:ConnectTimeout"] = "00:00:00.150" },
            graphBaseUrl: $"http://127.0.0.1:{unresponsive?.Port ?? FreePort.Next()}",
            http: b => b.AddHttpMessageHandler(() => new CountingHandler(attempts)));

        var result = await loop.Send(OrderUpdate);

        Assert.Equal(MetaErrorClass.Transient, result.ErrorClass);
        Assert.Equal("Could not connect to WhatsApp.", result.Error!.Title);
        Assert.Equal(1 + TransientRetries, attempts.Value);
    }

    [Fact]
    public async Task Retries_stop_at_the_total_timeout()
    {
        await using var loop = await MetaLoop.Start(new Dictionary<string, string?>
        {
            ["Conversations:Meta:TotalTimeout"] = "00:00:00.500",
            ["Conversations:Meta:TransientRetries"] = "10",
            ["Conversations:Meta:TransientBaseDelay"] = "00:00:00.100",
            ["Conversations:Meta:MaxRetryDelay"] = "00:00:00.100",
        });
        loop.Simulator.Inject(new SimulatedFault { Code = 131000, HttpStatus = 500, Times = 100 });

        var result = await loop.Send(OrderUpdate);

        Assert.Equal(MetaErrorClass.Transient, result.ErrorClass);
        Assert.Equal(131000, result.Error!.Code);
        Assert.InRange(loop.RequestsTo(), 1, 10);
    }

    [Fact]
    public async Task A_retry_that_would_start_after_the_total_timeout_is_not_made_and_the_last_answer_stands()
    {
        await using var loop = await MetaLoop.Start(new Dictionary<string, string?>
        {
            ["Conversations:Meta:TotalTimeout"] = "00:00:01",
            ["Conversations:Meta:RateLimitedBaseDelay"] = "00:01:00",
            ["Conversations:Meta:MaxRetryDelay"] = "00:01:00",
        });
        loop.Simulator.Inject(new SimulatedFault { Code = 130429, Times = 100 });

        var result = await loop.Send(OrderUpdate);

        Assert.Equal(MetaErrorClass.RateLimited, result.ErrorClass);
        Assert.Equal(130429, result.Error!.Code);
        Assert.Equal(1, loop.RequestsTo());
        Assert.DoesNotContain(loop.Logs.Lines, l => l.Contains("Retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_send_cancelled_before_it_starts_throws_and_sends_nothing()
    {
        await using var loop = await MetaLoop.Start();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            loop.Sender.Send(new OutboundMessage(MetaLoop.BusinessNumber, MetaLoop.Customer, OrderUpdate, "cnv.1"), cancelled.Token));

        Assert.Equal(0, loop.RequestsTo());
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, 131000, MetaErrorClass.Transient)]
    [InlineData(HttpStatusCode.BadRequest, 131016, MetaErrorClass.Transient)]
    [InlineData(HttpStatusCode.InternalServerError, null, MetaErrorClass.Transient)]
    [InlineData(HttpStatusCode.ServiceUnavailable, null, MetaErrorClass.Transient)]
    [InlineData(HttpStatusCode.BadRequest, 130429, MetaErrorClass.RateLimited)]
    [InlineData(HttpStatusCode.BadRequest, 131056, MetaErrorClass.RateLimited)]
    [InlineData(HttpStatusCode.TooManyRequests, null, MetaErrorClass.RateLimited)]
    [InlineData(HttpStatusCode.BadRequest, 131047, MetaErrorClass.Permanent)]
    [InlineData(HttpStatusCode.BadRequest, 131049, MetaErrorClass.Permanent)]
    [InlineData(HttpStatusCode.BadRequest, 132001, MetaErrorClass.Permanent)]
    [InlineData(HttpStatusCode.Unauthorized, 190, MetaErrorClass.Permanent)]
    [InlineData(HttpStatusCode.NotFound, null, MetaErrorClass.Permanent)]
    public void Meta_errors_classify_as_the_spec_says(HttpStatusCode status, int? code, MetaErrorClass expected)
    {
        Assert.Equal(expected, MetaErrorClassifier.Classify(status, code));
    }

    [Fact]
    public void Metas_send_response_reads_as_accepted_with_wamid_status_and_wa_id()
    {
        const string body = """
            {"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],
             "messages":[{"id":"wamid.HBgLMTY0NzM4MjMyNzgVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA","message_status":"accepted"}]}
            """;

        var answer = SendAnswer.Read(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body));

        Assert.Equal(DispatchResult.AcceptedAs("wamid.HBgLMTY0NzM4MjMyNzgVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA", "accepted"), answer.Result);
        Assert.Equal("16505551234", answer.WaId);
    }

    [Fact]
    public void Metas_error_body_reads_as_code_title_details_and_trace()
    {
        const string body = """
            {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
              "error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
              "fbtrace_id":"AbCdEf123"}}
            """;

        var answer = SendAnswer.Read(HttpStatusCode.BadRequest, Encoding.UTF8.GetBytes(body));

        Assert.Equal(MetaErrorClass.Permanent, answer.Result.ErrorClass);
        Assert.Equal(
            new MetaError(131047, "Re-engagement message", "Message failed to send because more than 24 hours have passed since the customer last replied to this number."),
            answer.Result.Error);
        Assert.Equal("AbCdEf123", answer.FbTraceId);
    }

    [Fact]
    public void A_success_without_a_message_id_is_an_unknown_outcome_never_resent()
    {
        var answer = SendAnswer.Read(HttpStatusCode.OK, """{"messaging_product":"whatsapp"}"""u8.ToArray());

        Assert.Equal(MetaErrorClass.OutcomeUnknown, answer.Result.ErrorClass);
    }

    [Fact]
    public void A_proxy_error_page_is_classified_by_its_http_status()
    {
        var answer = SendAnswer.Read(HttpStatusCode.BadGateway, "<html>Bad gateway</html>"u8.ToArray());

        Assert.Equal(MetaErrorClass.Transient, answer.Result.ErrorClass);
        Assert.Equal(0, answer.Result.Error!.Code);
        Assert.Equal("HTTP 502 BadGateway", answer.Result.Error.Title);
    }
}
