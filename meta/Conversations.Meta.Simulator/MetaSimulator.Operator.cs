using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Conversations.Meta.Simulator;

/// <summary>
/// Operator endpoints that stand for what happens at Meta outside the send API: a number's WABA and throughput
/// (<c>POST /simulator/numbers</c>), an account signal (<c>POST /simulator/signals</c>) and a template's status
/// (<c>POST /simulator/templates/status</c>), each posted as Meta's signed webhook.
/// </summary>
public sealed partial class MetaSimulator
{
    /// <summary>The WABA-level fields <c>POST /simulator/signals</c> posts.</summary>
    public static readonly IReadOnlySet<string> SignalFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "phone_number_quality_update",
        "business_capability_update",
        "account_update",
    };

    private static readonly string[] s_templateStatuses =
        ["APPROVED", "PENDING", "REJECTED", "DISABLED", "PAUSED", "FLAGGED", "IN_APPEAL", "REINSTATED", "DELETED", "PENDING_DELETION", "ARCHIVED", "UNARCHIVED", "LIMIT_EXCEEDED", "LOCKED"];

    /// <summary>Sets a number's WABA and throughput, as Meta's upgrade to 1,000 a second would.</summary>
    public void SetNumber(string phoneNumberId, string? wabaId, int? throughputPerSecond)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneNumberId);
        if (throughputPerSecond is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(throughputPerSecond), throughputPerSecond, "at least 1 message per second");
        }

        _numbers.Set(phoneNumberId, wabaId, throughputPerSecond);
    }

    /// <summary>Posts Meta's signed webhook of a WABA-level <paramref name="field"/> with <paramref name="value"/>; true when the receiver took it.</summary>
    public Task<bool> PostSignal(string wabaId, string field, JsonObject value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!SignalFields.Contains(field))
        {
            throw new ArgumentOutOfRangeException(nameof(field), field, $"one of {string.Join(", ", SignalFields)}");
        }

        return _webhooks.Post(WebhookPayloads.Change(wabaId, field, value, _clock.GetUtcNow()), $"{field} for WABA {wabaId}", cancellationToken);
    }

    /// <summary>A template Meta holds for the WABA, with its review state; null when it holds none of that name and language.</summary>
    public SimulatedTemplate? TemplateOf(string wabaId, string name, string language) => _templates.Find(wabaId, name, language);

    private async Task HandleNumber(HttpContext context)
    {
        var body = await ReadJson(context) as JsonObject;
        var phoneNumberId = Str(body, "phone_number_id");
        int? throughput = null;
        if (body?["throughput_per_second"] is { } given)
        {
            throughput = given is JsonValue v && v.TryGetValue<int>(out var perSecond) && perSecond >= 1 ? perSecond : 0;
        }

        if (string.IsNullOrWhiteSpace(phoneNumberId) || !phoneNumberId.All(char.IsAsciiDigit) || throughput is 0)
        {
            await Json(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "phone_number_id (digits) is required; throughput_per_second, when given, is a whole number of at least 1." });
            return;
        }

        SetNumber(phoneNumberId, Str(body, "waba_id"), throughput);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task HandleSignal(HttpContext context)
    {
        var body = await ReadJson(context) as JsonObject;
        var (wabaId, field) = (Str(body, "waba_id"), Str(body, "field"));
        if (string.IsNullOrWhiteSpace(wabaId) || field is null || !SignalFields.Contains(field) || body!["value"] is not JsonObject value)
        {
            await Json(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = $"waba_id, field (one of {string.Join(", ", SignalFields)}) and value (an object) are required." });
            return;
        }

        var delivered = await PostSignal(wabaId, field, (JsonObject)value.DeepClone(), context.RequestAborted);
        await Json(context, delivered ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway, new JsonObject { ["webhook_delivered"] = delivered });
    }

    /// <summary>Meta changes a template's status (pauses it for low quality, disables it, approves it on appeal) and says so.</summary>
    private async Task HandleTemplateStatus(HttpContext context)
    {
        var body = await ReadJson(context) as JsonObject;
        var (wabaId, name, language, status) = (Str(body, "waba_id"), Str(body, "name"), Str(body, "language"), Str(body, "status")?.ToUpperInvariant());
        if (string.IsNullOrWhiteSpace(wabaId) || string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(language) || status is null || !s_templateStatuses.Contains(status))
        {
            await Json(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = $"waba_id, name, language and status (one of {string.Join(", ", s_templateStatuses)}) are required." });
            return;
        }

        if (_templates.SetStatus(wabaId, name, language, status) is not { } template)
        {
            await Json(context, StatusCodes.Status404NotFound, new JsonObject { ["error"] = $"WABA {wabaId} has no template {name} [{language}]." });
            return;
        }

        var delivered = await PostTemplateStatus(template, Str(body, "reason") ?? "NONE", context.RequestAborted);
        await Json(context, delivered ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway, new JsonObject { ["webhook_delivered"] = delivered });
    }
}
