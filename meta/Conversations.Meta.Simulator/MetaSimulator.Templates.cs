using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conversations.Meta.Simulator;

/// <summary>
/// Meta's template management endpoints: <c>GET /{version}/{waba-id}/message_templates</c> (cursor paging with
/// <c>limit</c> and <c>after</c>) and <c>POST</c> to submit one for review, which stays PENDING for
/// <see cref="MetaSimulatorOptions.TemplateReviewDelay"/> and then takes <see cref="MetaSimulatorOptions.TemplateReviewOutcome"/>
/// with a signed <c>message_template_status_update</c> webhook.
/// </summary>
public sealed partial class MetaSimulator
{
    private const int DefaultTemplatePage = 25;
    private const int MaxTemplatePage = 1000;
    private static readonly string[] s_categories = ["MARKETING", "UTILITY", "AUTHENTICATION"];

    private async Task HandleListTemplates(HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(BearerToken(context)))
        {
            await Json(context, StatusCodes.Status401Unauthorized, MetaErrorBody.For(MetaErrorBody.InvalidAccessToken));
            return;
        }

        var wabaId = (string)context.Request.RouteValues["wabaId"]!;
        var limit = DefaultTemplatePage;
        if (context.Request.Query["limit"].ToString() is { Length: > 0 } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxTemplatePage))
        {
            await Json(context, StatusCodes.Status400BadRequest, MetaErrorBody.For(MetaErrorBody.InvalidParameter, details: $"Param limit must be 1 to {MaxTemplatePage}."));
            return;
        }

        var offset = 0;
        if (context.Request.Query["after"].ToString() is { Length: > 0 } after)
        {
            if (OffsetOf(after) is not { } parsed)
            {
                await Json(context, StatusCodes.Status400BadRequest, MetaErrorBody.For(MetaErrorBody.InvalidParameter, details: "Param after is not a cursor of this list."));
                return;
            }

            offset = parsed;
        }

        var (page, more) = _templates.Page(wabaId, offset, limit);
        var answer = new JsonObject { ["data"] = new JsonArray([.. page.Select(t => (JsonNode)t.ToJson())]) };
        if (page.Count > 0)
        {
            var paging = new JsonObject
            {
                ["cursors"] = new JsonObject { ["before"] = CursorOf(offset), ["after"] = CursorOf(offset + page.Count) },
            };
            if (more)
            {
                var request = context.Request;
                paging["next"] = $"{request.Scheme}://{request.Host}{request.Path}?limit={limit.ToString(CultureInfo.InvariantCulture)}&after={CursorOf(offset + page.Count)}";
            }

            answer["paging"] = paging;
        }

        await Json(context, StatusCodes.Status200OK, answer);
    }

    private async Task HandleCreateTemplate(HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(BearerToken(context)))
        {
            await Json(context, StatusCodes.Status401Unauthorized, MetaErrorBody.For(MetaErrorBody.InvalidAccessToken));
            return;
        }

        var wabaId = (string)context.Request.RouteValues["wabaId"]!;
        var body = await ReadJson(context) as JsonObject;
        if (TemplateProblem(body) is { } problem)
        {
            await Json(context, StatusCodes.Status400BadRequest, MetaErrorBody.For(MetaErrorBody.InvalidParameter, details: problem));
            return;
        }

        var category = Str(body, "category")!.ToUpperInvariant();
        var template = _templates.Add(wabaId, Str(body, "name")!, Str(body, "language")!, category, "PENDING", (JsonArray)body!["components"]!.DeepClone());
        if (template is null)
        {
            await Json(context, StatusCodes.Status400BadRequest, MetaErrorBody.For(MetaErrorBody.InvalidParameter, details: "Content in this language already exists."));
            return;
        }

        await Json(context, StatusCodes.Status200OK, new JsonObject { ["id"] = template.Id, ["status"] = template.Status, ["category"] = template.Category });
        ScheduleReview(template);
    }

    /// <summary>The review's verdict after its delay on the simulator's clock, then Meta's status webhook.</summary>
    private void ScheduleReview(SimulatedTemplate template) => _webhooks.Run(async stopping =>
    {
        await Task.Delay(_options.TemplateReviewDelay, _clock, stopping);
        var outcome = _options.TemplateReviewOutcome.ToUpperInvariant();
        if (_templates.SetStatus(template.WabaId, template.Name, template.Language, outcome) is { } reviewed)
        {
            await PostTemplateStatus(reviewed, outcome == "APPROVED" ? "NONE" : _options.TemplateRejectionReason, stopping);
        }
    });

    private async Task<bool> PostTemplateStatus(SimulatedTemplate template, string reason, CancellationToken cancellationToken)
    {
        var value = new JsonObject
        {
            ["event"] = template.Status,
            ["message_template_id"] = long.Parse(template.Id, CultureInfo.InvariantCulture),
            ["message_template_name"] = template.Name,
            ["message_template_language"] = template.Language,
            ["reason"] = reason,
            ["message_template_category"] = template.Category,
        };
        var delivered = await _webhooks.Post(WebhookPayloads.Change(template.WabaId, "message_template_status_update", value, _clock.GetUtcNow()), $"template {template.Name} {template.Status}", cancellationToken);
        _logger.LogInformation(
            "Meta simulator: template {Name} [{Language}] of WABA {WabaId} is {Status}; webhook {Outcome}",
            template.Name,
            template.Language,
            template.WabaId,
            template.Status,
            delivered ? "delivered" : "NOT delivered");
        return delivered;
    }

    /// <summary>Null when <paramref name="body"/> is a template Meta would take for review; otherwise what is wrong with it.</summary>
    private static string? TemplateProblem(JsonObject? body)
    {
        if (body is null)
        {
            return "The request body must be a JSON object.";
        }

        if (Str(body, "name") is not { } name || !TemplateName().IsMatch(name))
        {
            return "Param name must be 1 to 512 lowercase letters, digits and underscores.";
        }

        if (Str(body, "language") is not { } language || !LanguageCode().IsMatch(language))
        {
            return "Param language must be a language code such as en or en_US.";
        }

        if (Str(body, "category") is not { } category || !s_categories.Contains(category.ToUpperInvariant()))
        {
            return "Param category must be one of MARKETING, UTILITY, AUTHENTICATION.";
        }

        if (body["components"] is not JsonArray components
            || !components.Any(c => c is JsonObject component && string.Equals(Str(component, "type"), "BODY", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(Str(component, "text"))))
        {
            return "Param components must hold a BODY component with text.";
        }

        return null;
    }

    private static string CursorOf(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));

    private static int? OffsetOf(string cursor)
    {
        try
        {
            return int.TryParse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex TemplateName();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2,4})?$")]
    private static partial Regex LanguageCode();
}
