using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conversations.Abstractions.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conversations.Meta.Simulator;

/// <summary>
/// A local stand-in for the WhatsApp Cloud API on its own Kestrel: <c>POST /{version}/{phone-number-id}/messages</c>
/// with Meta's answers and errors, its own 24 h rule from the inbound messages it simulated, each number's throughput,
/// the pair rate and the template rules, signed status webhooks (sent, delivered, read) after configurable delays, the
/// template endpoints (<c>/{version}/{waba-id}/message_templates</c>), and operator endpoints under <c>/simulator/</c>.
/// </summary>
public sealed partial class MetaSimulator : IAsyncDisposable
{
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly MetaSimulatorOptions _options;
    private readonly TimeProvider _clock;
    private readonly TimeProvider _realTime;
    private readonly ILogger _logger;
    private readonly CustomerWindows _windows;
    private readonly FaultPlan _faults = new();
    private readonly ConcurrentQueue<ReceivedSend> _received = new();
    private readonly ArrivalLog _arrivals;
    private readonly InboundMessages _inbound;
    private readonly SimulatedNumbers _numbers;
    private readonly ThroughputMeter _throughput;
    private readonly PairRateLimit _pairRate;
    private readonly TemplateCatalog _templates = new();
    private readonly ConcurrentDictionary<(string Number, int Year, int Month), int> _serviceMessages = new();
    private readonly WebhookPublisher _webhooks;
    private readonly StatusBatcher _statuses;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    private MetaSimulator(MetaSimulatorOptions options, ILoggerFactory loggerFactory, TimeProvider clock, TimeProvider realTime)
    {
        _options = options;
        _clock = clock;
        _realTime = realTime;
        _numbers = new SimulatedNumbers(options);
        _throughput = new ThroughputMeter(realTime);
        _pairRate = new PairRateLimit(options.PairRateBurst, options.PairRateInterval, clock);
        _logger = loggerFactory.CreateLogger<MetaSimulator>();
        _windows = new CustomerWindows(options.WindowDuration);
        _arrivals = new ArrivalLog(options.ArrivalsPerNumber);
        _inbound = new InboundMessages(options.ArrivalsPerNumber);
        _webhooks = new WebhookPublisher(options, _logger);
        _statuses = new StatusBatcher(options, _webhooks, _logger);
    }

    /// <summary>The address the simulator listens on, with the real port when the configured one was 0.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The most recent sends, oldest first (at most <see cref="MetaSimulatorOptions.ReceivedCapacity"/>).</summary>
    public IReadOnlyList<ReceivedSend> Received => [.. _received];

    /// <summary>
    /// When the send requests of <paramref name="phoneNumberId"/> arrived, on real time whatever the simulator's clock:
    /// the throughput Meta counts (at most <see cref="MetaSimulatorOptions.ArrivalsPerNumber"/> kept).
    /// </summary>
    public Arrivals ArrivalsOf(string phoneNumberId) => _arrivals.Of(phoneNumberId);

    /// <param name="clock">Windows, the pair rate, template reviews and webhook timestamps; status delays, arrival times and throughput run on real time.</param>
    public static Task<MetaSimulator> Start(
        MetaSimulatorOptions options,
        ILoggerFactory loggerFactory,
        TimeProvider? clock = null,
        CancellationToken cancellationToken = default) =>
        Start(options, loggerFactory, clock, realTime: null, cancellationToken);

    /// <param name="clock">Windows, the pair rate, template reviews and webhook timestamps.</param>
    /// <param name="realTime">Arrival times and each number's throughput: real time unless a test drives it.</param>
    public static async Task<MetaSimulator> Start(
        MetaSimulatorOptions options,
        ILoggerFactory loggerFactory,
        TimeProvider? clock,
        TimeProvider? realTime,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var simulator = new MetaSimulator(options, loggerFactory, clock ?? TimeProvider.System, realTime ?? TimeProvider.System);
        try
        {
            await simulator.Listen(loggerFactory, cancellationToken);
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }

        return simulator;
    }

    /// <summary>Makes the next matching sends fail as the fault says.</summary>
    public void Inject(SimulatedFault fault) => _faults.Add(fault);

    public void ClearFaults() => _faults.Clear();

    /// <summary>
    /// A customer writes: the simulator opens (or extends) its window for the pair, then posts Meta's signed
    /// <c>messages</c> webhook and waits for the receiver's answer.
    /// </summary>
    public async Task<SimulatedInboundResult> SimulateInbound(SimulatedInbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var now = _clock.GetUtcNow();
        var sentAt = inbound.SentAt is { } at && at < now ? at : now;
        if (inbound.WabaId is { Length: > 0 } waba)
        {
            _numbers.Set(inbound.PhoneNumberId, waba, throughputPerSecond: null);
        }

        foreach (var id in new[] { inbound.From, inbound.UserId }.Where(id => !string.IsNullOrWhiteSpace(id)))
        {
            _windows.Record(inbound.PhoneNumberId, WaId.Of(id!), sentAt);
        }

        var wamid = NewWamid();
        _inbound.Record(inbound.PhoneNumberId, wamid, sentAt);
        var payload = WebhookPayloads.InboundText(WabaOf(inbound.PhoneNumberId), inbound.PhoneNumberId, inbound, wamid, sentAt);
        var delivered = await _webhooks.Post(payload, $"inbound {wamid}", cancellationToken);
        _logger.LogInformation(
            "Meta simulator: {Customer} wrote to {PhoneNumberId} ({Wamid}); webhook {Outcome}",
            CustomerNumber.Mask(inbound.From is { Length: > 0 } ? WaId.Of(inbound.From) : inbound.UserId ?? ""),
            inbound.PhoneNumberId,
            wamid,
            delivered ? "delivered" : "NOT delivered");
        return new SimulatedInboundResult(wamid, sentAt, delivered);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
            _app = null;
        }

        await _statuses.DisposeAsync();
        await _webhooks.DisposeAsync();
    }

    private async Task Listen(ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        // An empty builder: the host's appsettings (its Kestrel endpoints above all) must not leak into this server.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddLogging();
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().UseUrls(_options.Url);
        var app = builder.Build();
        app.MapPost("/{version}/{phoneNumberId}/messages", (RequestDelegate)HandleSend);
        app.MapPost("/simulator/inbound", (RequestDelegate)HandleInbound);
        app.MapPost("/simulator/faults", (RequestDelegate)HandleFault);
        app.MapDelete("/simulator/faults", (RequestDelegate)(context =>
        {
            ClearFaults();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }));
        app.MapGet("/simulator/messages", (RequestDelegate)HandleList);
        app.MapGet("/simulator/received", (RequestDelegate)HandleReceived);
        app.MapPost("/simulator/numbers", (RequestDelegate)HandleNumber);
        app.MapPost("/simulator/signals", (RequestDelegate)HandleSignal);
        app.MapPost("/simulator/templates/status", (RequestDelegate)HandleTemplateStatus);
        app.MapGet("/{version}/{wabaId}/message_templates", (RequestDelegate)HandleListTemplates);
        app.MapPost("/{version}/{wabaId}/message_templates", (RequestDelegate)HandleCreateTemplate);
        _app = app;
        await app.StartAsync(cancellationToken);
        BaseAddress = new Uri(app.Urls.First());
    }

    private async Task HandleSend(HttpContext context)
    {
        // Before the body is read: Meta counts a request when it arrives, and reading it would only add noise.
        var phoneNumberId = (string)context.Request.RouteValues["phoneNumberId"]!;
        _arrivals.Record(phoneNumberId, _realTime.GetUtcNow());
        var withinThroughput = _throughput.TryTake(phoneNumberId, _numbers.ThroughputOf(phoneNumberId));
        var version = (string)context.Request.RouteValues["version"]!;
        var body = await ReadJson(context);
        var received = new ReceivedSend(_clock.GetUtcNow(), version, phoneNumberId, BearerToken(context), body);
        Remember(received);

        if (string.IsNullOrWhiteSpace(received.BearerToken))
        {
            await Error(context, received, StatusCodes.Status401Unauthorized, MetaErrorBody.InvalidAccessToken);
            return;
        }

        if (body is JsonObject { } receipt && receipt.ContainsKey("status"))
        {
            await MarkRead(context, received, phoneNumberId, receipt);
            return;
        }

        if (SendValidation.Problem(body) is { } problem)
        {
            await Error(context, received, StatusCodes.Status400BadRequest, MetaErrorBody.InvalidParameter, details: problem);
            return;
        }

        if (!withinThroughput)
        {
            await Error(context, received, StatusCodes.Status400BadRequest, MetaErrorBody.Throughput);
            return;
        }

        // Meta's rule: a phone number in "to" wins over a BSUID in "recipient".
        var send = (JsonObject)body!;
        var byUserId = string.IsNullOrWhiteSpace(Str(send, "to"));
        var to = byUserId ? Str(send, "recipient")!.Trim() : Str(send, "to")!;
        var type = SendValidation.TypeOf(body)!;
        var fault = _faults.Take(to);
        if (fault is { Delay: var delay } && delay > TimeSpan.Zero)
        {
            // Not the request's token: a client that gave up waiting does not undo a send Meta already has.
            await Task.Delay(delay, _stopping.Token);
        }

        if (fault is { Refuses: true })
        {
            if (fault.Code is { } code)
            {
                await Error(context, received, fault.HttpStatus ?? StatusCodes.Status400BadRequest, code, fault.Title);
            }
            else
            {
                var status = fault.HttpStatus!.Value;
                received.Answered(status, null, null);
                context.Response.StatusCode = status;
                await Write(context, "text/plain", "Simulated upstream failure"u8.ToArray());
            }

            return;
        }

        var isTemplate = type == "template";
        var waba = _numbers.WabaOf(phoneNumberId);
        if (byUserId && isTemplate && CategoryOf(waba, send) == "authentication")
        {
            await Error(context, received, StatusCodes.Status400BadRequest, MetaErrorBody.UserIdRecipientUnsupported);
            return;
        }

        if (isTemplate && TemplateRefusal(waba, send) is { } templateCode)
        {
            await Error(context, received, StatusCodes.Status400BadRequest, templateCode);
            return;
        }

        if (!isTemplate && !_windows.IsOpen(phoneNumberId, to, _clock.GetUtcNow()))
        {
            await Error(context, received, StatusCodes.Status400BadRequest, MetaErrorBody.ReEngagement);
            return;
        }

        if (!_pairRate.TryTake(phoneNumberId, WaId.Of(to)))
        {
            await Error(context, received, StatusCodes.Status400BadRequest, MetaErrorBody.PairRate);
            return;
        }

        var wamid = NewWamid();
        var message = new JsonObject { ["id"] = wamid };
        if (isTemplate)
        {
            message["message_status"] = "accepted";
        }

        var answer = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, [byUserId ? "user_id" : "wa_id"] = WaId.Of(to) }),
            ["messages"] = new JsonArray(message),
        };
        received.Answered(StatusCodes.Status200OK, wamid, null);
        await Json(context, StatusCodes.Status200OK, answer);
        _logger.LogDebug(
            "Meta simulator accepted a {Type} from {PhoneNumberId} to {Customer} as {Wamid}",
            type,
            phoneNumberId,
            CustomerNumber.Mask(WaId.Of(to)),
            wamid);

        var category = isTemplate ? CategoryOf(waba, send) : null;
        var pricing = category is not null ? SimulatedPricing.Template(category) : ServicePricing(phoneNumberId);
        var failure = fault is { AsFailedStatus: true } ? fault : category == "marketing" ? MarketingUndelivered(to) : null;
        ScheduleStatuses(phoneNumberId, WaId.Of(to), wamid, pricing, failure);
    }

    /// <summary>
    /// A read receipt, with the typing indicator when asked: Meta answers <c>{"success":true}</c> for a message a customer
    /// sent the number within the last 30 days, and 131009 for any other id (the business's own messages among them).
    /// </summary>
    private async Task MarkRead(HttpContext context, ReceivedSend received, string phoneNumberId, JsonObject receipt)
    {
        if (Str(receipt, "messaging_product") != "whatsapp" || Str(receipt, "status") != "read")
        {
            await Error(context, received, StatusCodes.Status400BadRequest, MetaErrorBody.InvalidParameter, details: "Param status must be 'read' and messaging_product 'whatsapp'.");
            return;
        }

        if (receipt["typing_indicator"] is { } typing && (typing is not JsonObject indicator || Str(indicator, "type") != "text"))
        {
            await Error(context, received, StatusCodes.Status400BadRequest, MetaErrorBody.InvalidParameter, details: "Param typing_indicator.type must be 'text'.");
            return;
        }

        if (Str(receipt, "message_id") is not { Length: > 0 } wamid
            || _inbound.SentAt(phoneNumberId, wamid) is not { } sentAt
            || _clock.GetUtcNow() - sentAt >= TimeSpan.FromDays(30))
        {
            await Error(context, received, StatusCodes.Status400BadRequest, MetaErrorBody.ParameterValueNotValid);
            return;
        }

        received.Answered(StatusCodes.Status200OK, null, null);
        await Json(context, StatusCodes.Status200OK, new JsonObject { ["success"] = true });
    }

    /// <summary>
    /// Meta's model from October 2026: each number's first service messages of a UTC month are free, the rest charged;
    /// before it, every service message in the window was free.
    /// </summary>
    private SimulatedPricing ServicePricing(string phoneNumberId)
    {
        var now = _clock.GetUtcNow();
        if (DateOnly.FromDateTime(now.UtcDateTime) < _options.ServiceChargedFrom)
        {
            return SimulatedPricing.FreeService;
        }

        var sent = _serviceMessages.AddOrUpdate((phoneNumberId, now.Year, now.Month), 1, (_, count) => count + 1);
        return sent <= _options.FreeServiceMessagesPerMonth ? SimulatedPricing.FreeService : SimulatedPricing.ChargedService;
    }

    private void ScheduleStatuses(string phoneNumberId, string recipient, string wamid, SimulatedPricing pricing, SimulatedFault? failure)
    {
        var acceptedAt = TimeProvider.System.GetTimestamp();
        var waba = WabaOf(phoneNumberId);
        _webhooks.Run(async stopping =>
        {
            if (failure is not null)
            {
                var code = failure.Code ?? 131000;
                await WaitUntil(acceptedAt, _options.SentDelay, stopping);
                var error = (code, failure.Title ?? MetaErrorBody.TitleOf(code), MetaErrorBody.DetailsOf(code));
                _statuses.Enqueue(new QueuedStatus(waba, phoneNumberId, recipient, WebhookPayloads.StatusEntry(wamid, recipient, "failed", _clock.GetUtcNow(), null, error)));
                return;
            }

            foreach (var (status, delay) in new[] { ("sent", _options.SentDelay), ("delivered", _options.DeliveredDelay), ("read", _options.ReadDelay) })
            {
                await WaitUntil(acceptedAt, delay, stopping);
                _statuses.Enqueue(new QueuedStatus(waba, phoneNumberId, recipient, WebhookPayloads.StatusEntry(wamid, recipient, status, _clock.GetUtcNow(), pricing)));
            }
        });
    }

    private async Task HandleInbound(HttpContext context)
    {
        var body = await ReadJson(context) as JsonObject;
        var phoneNumberId = Str(body, "phone_number_id");
        var from = Str(body, "from");
        var text = Str(body, "text");
        var userId = Str(body, "user_id");
        if (string.IsNullOrWhiteSpace(phoneNumberId) || (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(userId)) || string.IsNullOrEmpty(text))
        {
            await Json(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "phone_number_id, from or user_id, and text are required." });
            return;
        }

        DateTimeOffset? sentAt = body!["timestamp"] is JsonValue ts && ts.TryGetValue<long>(out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix) : null;
        var inbound = new SimulatedInbound(phoneNumberId, from ?? "", text)
        {
            Name = Str(body, "name"),
            UserId = userId,
            ReferralSourceType = Str(body, "referral_source_type"),
            WabaId = Str(body, "waba_id"),
            SentAt = sentAt,
        };
        var result = await SimulateInbound(inbound, context.RequestAborted);
        await Json(context, result.WebhookDelivered ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway, new JsonObject
        {
            ["messages"] = new JsonArray(new JsonObject { ["id"] = result.Wamid }),
            ["timestamp"] = result.SentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["webhook_delivered"] = result.WebhookDelivered,
        });
    }

    private async Task HandleFault(HttpContext context)
    {
        var body = await ReadJson(context) as JsonObject;
        int? Int(string name) => body?[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
        var fault = new SimulatedFault
        {
            To = Str(body, "to"),
            Code = Int("code"),
            HttpStatus = Int("http_status"),
            Times = Int("times") ?? 1,
            Delay = TimeSpan.FromMilliseconds(Int("delay_ms") ?? 0),
            AsFailedStatus = body?["as_failed_status"] is JsonValue f && f.TryGetValue<bool>(out var asStatus) && asStatus,
            Title = Str(body, "title"),
        };
        if (fault.Times < 1)
        {
            await Json(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "times must be at least 1." });
            return;
        }

        Inject(fault);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private Task HandleList(HttpContext context)
    {
        var list = new JsonArray([.. Received.Select(r => (JsonNode)new JsonObject
        {
            ["received_at"] = r.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
            ["phone_number_id"] = r.PhoneNumberId,
            ["status_code"] = r.StatusCode,
            ["wamid"] = r.Wamid,
            ["error_code"] = r.ErrorCode,
            ["body"] = r.Body?.DeepClone(),
        })]);
        return Json(context, StatusCodes.Status200OK, new JsonObject { ["data"] = list });
    }

    /// <summary>
    /// With <c>phone_number_id</c>: that number's arrival times in Unix microseconds, oldest first, and its busiest second.
    /// Without: every number's counts and busiest second.
    /// </summary>
    private Task HandleReceived(HttpContext context)
    {
        static JsonObject Summary(Arrivals arrivals) => new()
        {
            ["phone_number_id"] = arrivals.PhoneNumberId,
            ["received"] = arrivals.Received,
            ["kept"] = arrivals.Kept.Count,
            ["busiest_second"] = arrivals.BusiestSecond,
        };

        if (context.Request.Query["phone_number_id"].ToString() is not { Length: > 0 } phoneNumberId)
        {
            return Json(context, StatusCodes.Status200OK, new JsonObject { ["data"] = new JsonArray([.. _arrivals.All().Select(a => (JsonNode)Summary(a))]) });
        }

        var arrivals = _arrivals.Of(phoneNumberId);
        var answer = Summary(arrivals);
        answer["received_at_unix_us"] = new JsonArray([.. arrivals.Kept.Select(t => (JsonNode)JsonValue.Create((t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10))]);
        return Json(context, StatusCodes.Status200OK, answer);
    }

    private string WabaOf(string phoneNumberId) => _numbers.WabaOf(phoneNumberId);

    private void Remember(ReceivedSend received)
    {
        _received.Enqueue(received);
        while (_received.Count > Math.Max(1, _options.ReceivedCapacity) && _received.TryDequeue(out _))
        {
        }
    }

    private static async Task WaitUntil(long startTimestamp, TimeSpan offset, CancellationToken cancellationToken)
    {
        var remaining = offset - TimeProvider.System.GetElapsedTime(startTimestamp);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, cancellationToken);
        }
    }

    private static string NewWamid() => "wamid.SIM" + Guid.NewGuid().ToString("N").ToUpperInvariant();

    private static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static async Task<JsonNode?> ReadJson(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private static Task Error(HttpContext context, ReceivedSend received, int httpStatus, int code, string? title = null, string? details = null)
    {
        received.Answered(httpStatus, null, code);
        return Json(context, httpStatus, MetaErrorBody.For(code, title, details));
    }

    private static Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        return Write(context, "application/json", JsonSerializer.SerializeToUtf8Bytes(body));
    }

    private static async Task Write(HttpContext context, string contentType, byte[] body)
    {
        context.Response.ContentType = contentType;
        try
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client stopped waiting; what the simulator decided stands.
        }
    }
}
