using System.Net;
using System.Text;
using Conversations.Abstractions.Meta;

namespace Conversations.Meta.Tests;

/// <summary>Answers that are not quite Meta's shape: a part of an unexpected kind reads as absent, and costs nothing else.</summary>
public sealed class SendAnswerTests
{
    private const string Wamid = "wamid.HBgLMTY0NzM4MjMyNzgVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA";

    [Theory]
    [InlineData("""{"contacts":[{"wa_id":16505551234}],"messages":[{"id":"WAMID","message_status":7}]}""", null, null)]
    [InlineData("""{"contacts":{"wa_id":"16505551234"},"messages":[{"id":"WAMID","message_status":"accepted"}]}""", null, "accepted")]
    [InlineData("""{"contacts":["16505551234",{"wa_id":"1"}],"messages":[{"id":"WAMID"},{"id":"other"}]}""", null, null)]
    [InlineData("""{"contacts":[{"input":"+1 650","wa_id":"16505551234","extra":{"a":[1,2]}}],"messages":[{"id":"WAMID","message_status":"held_for_quality_assessment"}],"messaging_product":"whatsapp"}""", "16505551234", "held_for_quality_assessment")]
    public void A_wamid_is_accepted_whatever_the_rest_of_the_answer_looks_like(string body, string? waId, string? messageStatus)
    {
        var answer = SendAnswer.Read(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body.Replace("WAMID", Wamid, StringComparison.Ordinal)));

        Assert.Equal(DispatchResult.AcceptedAs(Wamid, messageStatus), answer.Result);
        Assert.Equal(waId, answer.WaId);
    }

    [Theory]
    [InlineData("""{"messages":[]}""")]
    [InlineData("""{"messages":["wamid.x"]}""")]
    [InlineData("""{"messages":{"id":"wamid.x"}}""")]
    [InlineData("""{"messages":[{"id":""}]}""")]
    [InlineData("""{"messages":[{"id":42}]}""")]
    [InlineData("""[{"messages":[{"id":"wamid.x"}]}]""")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("""{"messages":[{"id":"wamid.x"}""")]
    public void A_success_without_a_readable_message_id_is_an_unknown_outcome(string body)
    {
        var answer = SendAnswer.Read(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body));

        Assert.Equal(MetaErrorClass.OutcomeUnknown, answer.Result.ErrorClass);
        Assert.Equal("WhatsApp accepted the request but returned no message id.", answer.Result.Error!.Title);
    }

    [Theory]
    [InlineData("""{"error":{"message":"(#131000) Something went wrong","code":"131000"}}""", 0, "Something went wrong", null, null)]
    [InlineData("""{"error":{"message":"Too big","code":1.5e10,"error_data":"x","error_user_msg":"Try later","fbtrace_id":7}}""", 0, "Too big", "Try later", null)]
    [InlineData("""{"error":{"message":["no"],"code":131047,"error_data":{"details":{"text":"x"}},"fbtrace_id":"T"}}""", 131047, "HTTP 400", null, "T")]
    [InlineData("""{"error":{"message":"(#100) Invalid parameter","code":100,"error_data":{"details":"bad to"},"error_user_msg":"ignored","fbtrace_id":"T"}}""", 100, "Invalid parameter", "bad to", "T")]
    public void An_error_keeps_whatever_parts_it_has(string body, int code, string title, string? details, string? trace)
    {
        var answer = SendAnswer.Read(HttpStatusCode.BadRequest, Encoding.UTF8.GetBytes(body));

        Assert.Equal(new MetaError(code, title, details), answer.Result.Error);
        Assert.Equal(trace, answer.FbTraceId);
    }

    [Theory]
    [InlineData("""{"error":"Service unavailable"}""")]
    [InlineData("""{"error":null}""")]
    [InlineData("""["error"]""")]
    [InlineData("""{"messages":[{"id":"wamid.x"}]}""")]
    public void An_error_status_without_an_error_object_is_classified_by_the_status(string body)
    {
        var answer = SendAnswer.Read(HttpStatusCode.ServiceUnavailable, Encoding.UTF8.GetBytes(body));

        Assert.Equal(DispatchResult.Failed(MetaErrorClass.Transient, new MetaError(0, "HTTP 503 ServiceUnavailable", null)), answer.Result);
    }
}
