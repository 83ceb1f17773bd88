using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Webhooks;

/// <summary>Meta's webhook endpoint: the verification handshake (GET) and signed event batches (POST).</summary>
public static class WhatsAppWebhook
{
    public const string Path = "/webhooks/whatsapp";

    public static IServiceCollection AddWhatsAppWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<WebhookRejectionLog>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddKeyedSingleton<RateLimiter>(Path, (sp, _) => new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.MaxConcurrentRequests,
            QueueLimit = 0,
        }));
        return services;
    }

    public static WebApplication MapWhatsAppWebhooks(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()
            && app.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.AppSecret == WebhookOptions.LocalDevelopmentSecret)
        {
            app.Logger.LogWarning(
                "Webhooks are verified with the local development app secret; set {Setting} to the Meta app's secret before Meta calls this host",
                WebhookOptions.Section + ":AppSecret");
        }

        // Meta sends no bearer token: the verify token and each POST's signature authenticate it.
        app.MapGet(Path, Verify).AllowAnonymous();
        app.MapPost(Path, Receive).AllowAnonymous();
        return app;
    }

    /// <summary>Meta's subscription handshake: echo hub.challenge when hub.verify_token is ours.</summary>
    public static IResult Verify(HttpRequest request, IOptions<WebhookOptions> options)
    {
        var mode = request.Query["hub.mode"].ToString();
        var token = request.Query["hub.verify_token"].ToString();
        var challenge = request.Query["hub.challenge"].ToString();
        if (mode.Length == 0 || token.Length == 0 || challenge.Length == 0)
        {
            return Results.BadRequest();
        }

        return mode == "subscribe" && SameSecret(token, options.Value.VerifyToken)
            ? Results.Text(challenge, "text/plain", Encoding.UTF8)
            : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// 200 only once every event is stored (or refused for good); 503 when a grain call failed, so Meta redelivers the
    /// batch, which is harmless: inbound messages are deduplicated by wamid and statuses only move forward. 429 at once
    /// when <see cref="WebhookOptions.MaxConcurrentRequests"/> POSTs are in hand; 413 at once for a declared length over
    /// the limit, else as soon as the bytes pass it.
    /// </summary>
    public static async Task<IResult> Receive(
        HttpContext context,
        IOptions<WebhookOptions> options,
        [FromKeyedServices(Path)] RateLimiter concurrency,
        WebhookDispatcher dispatcher,
        WebhookMetrics metrics,
        WebhookRejectionLog rejections)
    {
        var settings = options.Value;
        var remote = $"POST from {context.Connection.RemoteIpAddress}";
        using var lease = concurrency.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            return Refused(StatusCodes.Status429TooManyRequests, "too_many_requests");
        }

        ReadOnlyMemory<byte>? body;
        try
        {
            body = await WebhookBody.Read(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's verdict on the body: too slow (MinRequestBodyDataRate), malformed chunks.
            return Refused(e.StatusCode, "bad_body");
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-body: nobody is left to answer.
            return Results.Empty;
        }

        if (body is not { } raw)
        {
            return Refused(StatusCodes.Status413PayloadTooLarge, "body_too_large");
        }

        var signatures = context.Request.Headers[WebhookSignature.Header];
        if (signatures.Count != 1 || !WebhookSignature.IsValid(raw.Span, signatures[0], settings.AppSecret))
        {
            return Refused(StatusCodes.Status401Unauthorized, "bad_signature");
        }

        if (WebhookParser.Parse(raw) is not { } batch)
        {
            return Refused(StatusCodes.Status400BadRequest, "not_a_json_object");
        }

        try
        {
            return await dispatcher.Dispatch(batch, context.RequestAborted)
                ? Results.Ok()
                : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // Meta hung up; it redelivers what it did not see acknowledged.
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        IResult Refused(int status, string reason)
        {
            metrics.Refused(reason);
            rejections.Refused(reason, remote);
            if (status == StatusCodes.Status429TooManyRequests)
            {
                context.Response.Headers.RetryAfter = "1";
            }

            return Results.StatusCode(status);
        }
    }

    /// <summary>Compares hashes, so neither the content nor the length of the configured token leaks through timing.</summary>
    private static bool SameSecret(string candidate, string secret) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(candidate)),
            SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
