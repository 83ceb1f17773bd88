using System.Security.Cryptography;
using System.Text;
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
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<WebhookDispatcher>();
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
    /// batch, which is harmless: inbound messages are deduplicated by wamid and statuses only move forward.
    /// </summary>
    public static async Task<IResult> Receive(
        HttpContext context, IOptions<WebhookOptions> options, WebhookDispatcher dispatcher, ILoggerFactory loggers)
    {
        var settings = options.Value;
        var body = await WebhookBody.Read(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        if (body is not { } raw)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var signatures = context.Request.Headers[WebhookSignature.Header];
        if (signatures.Count != 1 || !WebhookSignature.IsValid(raw.Span, signatures[0], settings.AppSecret))
        {
            loggers.CreateLogger(typeof(WhatsAppWebhook)).LogWarning("Webhook POST from {Remote} refused: missing or wrong {Header}", context.Connection.RemoteIpAddress, WebhookSignature.Header);
            return Results.Unauthorized();
        }

        if (WebhookParser.Parse(raw) is not { } batch)
        {
            return Results.BadRequest();
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
    }

    /// <summary>Compares hashes, so neither the content nor the length of the configured token leaks through timing.</summary>
    private static bool SameSecret(string candidate, string secret) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(candidate)),
            SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
