using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Meta;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace Conversations.Meta;

/// <summary>
/// Sends messages with <c>POST {graph}/{version}/{phone-number-id}/messages</c>. Every attempt is classified into a
/// <see cref="DispatchResult"/>; the <see cref="PipelineName"/> pipeline retries the transient and rate-limited ones.
/// At most once: an attempt whose request may have reached Meta and got no answer is never repeated.
/// </summary>
/// <remarks>
/// Timers: one per attempt, its <see cref="MetaOptions.AttemptTimeout"/> (see <see cref="Attempt"/>). Between attempts the
/// pipeline waits its backoff; the total timeout is a deadline checked before each retry, not a timer of its own.
/// </remarks>
public sealed partial class CloudApiClient(
    HttpClient http,
    IOptions<MetaOptions> options,
    ResiliencePipelineProvider<string> pipelines,
    MetaMetrics metrics,
    ILogger<CloudApiClient> logger) : IWhatsAppSender, IWhatsAppTemplates
{
    public const string PipelineName = "conversations-whatsapp-send";

    internal static readonly ResiliencePropertyKey<SendState> StateKey = new("conversations.whatsapp.send");

    private readonly MetaOptions _options = options.Value;

    private readonly (Version Version, HttpVersionPolicy Policy) _httpVersion = GraphHttpVersion.Parse(options.Value.HttpVersion);

    public async Task<DispatchResult> Send(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        byte[] body;
        try
        {
            body = MessagePayload.Serialize(message);
        }
        catch (NotSupportedException e)
        {
            return DispatchResult.Failed(MetaErrorClass.Permanent, new MetaError(0, "This content has no Cloud API message type.", e.Message));
        }

        // The pipeline's token, and no timer: the caller cancels it, or a retry that would start after TotalTimeout does.
        using var retries = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var state = new SendState(this, message, body, cancellationToken, retries);
        var context = ResilienceContextPool.Shared.Get(retries.Token);
        context.Properties.Set(StateKey, state);
        Outcome<DispatchResult> outcome;
        try
        {
            outcome = await pipelines.GetPipeline<DispatchResult>(PipelineName).ExecuteOutcomeAsync(
                static async (_, s) =>
                {
                    try
                    {
                        return Outcome.FromResult(await s.Client.Attempt(s));
                    }
                    catch (Exception e)
                    {
                        // ExecuteOutcomeAsync wants outcomes, not exceptions.
                        return Outcome.FromException<DispatchResult>(e);
                    }
                },
                context,
                state);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        var result = outcome.Exception switch
        {
            null => outcome.Result!,
            // The total timeout, or the caller, stopped the retries between two attempts: the last answer stands, and
            // Meta did not take the message.
            OperationCanceledException when state.Last is { } last => last,
            OperationCanceledException when cancellationToken.IsCancellationRequested => throw new OperationCanceledException(cancellationToken),
            _ => Rethrow(outcome.Exception),
        };
        LogResult(state, result);
        if (metrics.Enabled)
        {
            metrics.Answered(result, state.Elapsed);
        }

        return result;
    }

    private async Task<DispatchResult> Attempt(SendState state)
    {
        // Cancelled before a byte went out: nothing to report but the cancellation (or the previous attempt's answer).
        state.CallerToken.ThrowIfCancellationRequested();
        state.Attempts++;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Uri.EscapeDataString(state.Message.BusinessNumberId)}/messages")
        {
            Content = new ByteArrayContent(state.Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            Version = _httpVersion.Version,
            VersionPolicy = _httpVersion.Policy,
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);

        // The attempt's one timer. Linked to the caller's token, deliberately not the pipeline's: the total timeout stops
        // further attempts, never one that is in flight, because cutting a request that reached Meta short would only turn
        // a known answer into an unknown one. HttpClient adds none (its Timeout is infinite), nor does any handler.
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(state.CallerToken);
        attemptTimeout.CancelAfter(_options.AttemptTimeout);
        DispatchResult result;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token);
            var answer = SendAnswer.Read(response.StatusCode, await response.Content.ReadAsByteArrayAsync(attemptTimeout.Token));
            state.WaId = answer.WaId;
            state.FbTraceId = answer.FbTraceId;
            result = answer.Result;
        }
        catch (HttpRequestException e) when (NeverReachedMeta(e))
        {
            result = DispatchResult.Failed(MetaErrorClass.Transient, new MetaError(0, "Could not connect to WhatsApp.", e.Message));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            var title = state.CallerToken.IsCancellationRequested
                ? "The send was cancelled while waiting for WhatsApp; the message may have been sent."
                : attemptTimeout.IsCancellationRequested
                    ? $"No answer from WhatsApp within {_options.AttemptTimeout.TotalSeconds:0.###} s; the message may have been sent."
                    : "The connection to WhatsApp failed mid-request; the message may have been sent.";
            result = DispatchResult.Failed(MetaErrorClass.OutcomeUnknown, new MetaError(0, title, e.GetType().Name));
        }

        state.Last = result;

        logger.LogDebug(
            "Attempt {Attempt} to send {MessageId} to {Customer}: {Outcome}",
            state.Attempts,
            state.Message.MessageId,
            CustomerNumber.Mask(state.Message.To),
            result.Accepted ? "accepted" : $"{result.ErrorClass} {result.Error?.Code}");
        return result;
    }

    /// <summary>
    /// True only when the connection itself failed (refused, connect timeout, name or TLS failure): no byte of the
    /// request was written, so sending again cannot duplicate the message. Anything later is an unknown outcome.
    /// </summary>
    internal static bool NeverReachedMeta(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError => true,
        HttpRequestError.ConnectionError => FindSocketError(e) is SocketError.ConnectionRefused or SocketError.TimedOut
            or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostNotFound
            or SocketError.TryAgain or SocketError.HostDown or SocketError.NetworkDown or SocketError.AddressNotAvailable,
        _ => false,
    };

    private static SocketError? FindSocketError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }

    private void LogResult(SendState state, DispatchResult result)
    {
        var customer = CustomerNumber.Mask(state.Message.To);
        if (result.Accepted)
        {
            // Debug: at broadcast rates one line per accepted message costs more than the send path around it; the
            // conversation's event stream and message log are where each message is followed.
            logger.LogDebug(
                "WhatsApp accepted {MessageId} from {BusinessNumberId} to {Customer} as {Wamid} ({MessageStatus}) after {Attempts} attempt(s)",
                state.Message.MessageId,
                state.Message.BusinessNumberId,
                customer,
                result.Wamid,
                result.MessageStatus ?? "accepted",
                state.Attempts);
            if (state.WaId is { Length: > 0 } waId && waId != state.Message.To)
            {
                logger.LogDebug("WhatsApp resolved {Customer} to wa_id {WaId}", customer, CustomerNumber.Mask(waId));
            }

            return;
        }

        logger.Log(
            result.ErrorClass == MetaErrorClass.OutcomeUnknown ? LogLevel.Error : LogLevel.Warning,
            "WhatsApp did not take {MessageId} from {BusinessNumberId} to {Customer} after {Attempts} attempt(s): {ErrorClass} {Code} {Title} (fbtrace_id {FbTraceId}, trace {TraceId})",
            state.Message.MessageId,
            state.Message.BusinessNumberId,
            customer,
            state.Attempts,
            result.ErrorClass,
            result.Error?.Code,
            result.Error?.Title,
            state.FbTraceId,
            System.Diagnostics.Activity.Current?.TraceId.ToString());
    }

    private static DispatchResult Rethrow(Exception exception)
    {
        ExceptionDispatchInfo.Capture(exception).Throw();
        return null!;
    }

    /// <summary>One send across its attempts.</summary>
    internal sealed class SendState(
        CloudApiClient client,
        OutboundMessage message,
        byte[] body,
        CancellationToken callerToken,
        CancellationTokenSource retries)
    {
        /// <summary>When the send began, on the clock the pipeline's backoff waits on.</summary>
        private readonly long _startedAt = TimeProvider.System.GetTimestamp();

        public CloudApiClient Client { get; } = client;

        public OutboundMessage Message { get; } = message;

        /// <summary>Serialized once: every attempt sends the same bytes.</summary>
        public byte[] Body { get; } = body;

        public CancellationToken CallerToken { get; } = callerToken;

        public int Attempts { get; set; }

        public DispatchResult? Last { get; set; }

        public string? WaId { get; set; }

        public string? FbTraceId { get; set; }

        public TimeSpan Elapsed => TimeProvider.System.GetElapsedTime(_startedAt);

        /// <summary>Ends the send before its next attempt; the pipeline sees its token cancelled and returns at once.</summary>
        public void StopRetrying() => retries.Cancel();
    }
}
