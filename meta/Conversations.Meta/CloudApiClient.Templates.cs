using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Headers;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Templates;
using Microsoft.Extensions.Logging;

namespace Conversations.Meta;

/// <summary>
/// Template management: <c>GET {graph}/{version}/{waba-id}/message_templates</c>, following <c>paging.cursors.after</c>
/// while Meta gives a <c>next</c>, and <c>POST</c> to submit one for review. One attempt per request, each within
/// <see cref="MetaOptions.AttemptTimeout"/>: a list is read again by whoever asked (the next sync), and a submission is
/// not repeated blindly, since Meta may have taken it.
/// </summary>
public sealed partial class CloudApiClient
{
    /// <summary>Templates per page asked of Meta.</summary>
    public const int TemplatePageSize = 100;

    /// <summary>At most this many pages (25,000 templates): Meta allows 250 names a WABA, in however many languages.</summary>
    private const int MaxTemplatePages = 250;

    public async Task<MetaAnswer<ImmutableArray<MetaTemplate>>> ListTemplates(string wabaId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wabaId);
        var templates = ImmutableArray.CreateBuilder<MetaTemplate>();
        string? after = null;
        for (var page = 0; page < MaxTemplatePages; page++)
        {
            var query = $"?limit={TemplatePageSize.ToString(CultureInfo.InvariantCulture)}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            var (status, body, failure) = await Call(HttpMethod.Get, $"{Uri.EscapeDataString(wabaId)}/message_templates{query}", null, cancellationToken);
            if (failure is not null)
            {
                return MetaAnswer<ImmutableArray<MetaTemplate>>.Failed(failure.ErrorClass!.Value, failure.Error!);
            }

            if (TemplateManagementPayload.ReadPage(body) is not { } read)
            {
                return MetaAnswer<ImmutableArray<MetaTemplate>>.Failed(MetaErrorClass.Transient, new MetaError(0, "WhatsApp answered the template list with something that is not one.", $"HTTP {(int)status}"));
            }

            templates.AddRange(read.Templates);
            if (read.Unreadable > 0)
            {
                logger.LogWarning("WABA {WabaId}: {Count} of Meta's templates have a status or category this service does not know, or no body; left out", wabaId, read.Unreadable);
            }

            if (read.After is not { Length: > 0 } next)
            {
                return MetaAnswer<ImmutableArray<MetaTemplate>>.Ok(templates.ToImmutable());
            }

            after = next;
        }

        return MetaAnswer<ImmutableArray<MetaTemplate>>.Failed(MetaErrorClass.Permanent, new MetaError(0, $"WhatsApp's template list did not end within {MaxTemplatePages} pages.", null));
    }

    public async Task<MetaAnswer<MetaTemplateSubmission>> SubmitTemplate(string wabaId, TemplateDraft draft, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wabaId);
        var (status, body, failure) = await Call(HttpMethod.Post, $"{Uri.EscapeDataString(wabaId)}/message_templates", TemplateManagementPayload.Serialize(draft), cancellationToken);
        if (failure is not null)
        {
            return MetaAnswer<MetaTemplateSubmission>.Failed(failure.ErrorClass!.Value, failure.Error!);
        }

        return TemplateManagementPayload.ReadSubmission(body) is { } submission
            ? MetaAnswer<MetaTemplateSubmission>.Ok(submission)
            : MetaAnswer<MetaTemplateSubmission>.Failed(MetaErrorClass.OutcomeUnknown, new MetaError(0, "WhatsApp took the template but did not answer its id and status.", $"HTTP {(int)status}"));
    }

    /// <summary>One request: Meta's status and body, or its failure classified as a send's would be.</summary>
    private async Task<(System.Net.HttpStatusCode Status, byte[] Body, DispatchResult? Failure)> Call(HttpMethod method, string path, byte[]? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Version = _httpVersion.Version, VersionPolicy = _httpVersion.Policy };
        if (json is not null)
        {
            request.Content = new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return response.IsSuccessStatusCode
                ? (response.StatusCode, body, null)
                : (response.StatusCode, body, SendAnswer.Read(response.StatusCode, body).Result);
        }
        catch (HttpRequestException e) when (NeverReachedMeta(e))
        {
            return (0, [], DispatchResult.Failed(MetaErrorClass.Transient, new MetaError(0, "Could not connect to WhatsApp.", e.Message)));
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var title = timeout.IsCancellationRequested ? $"No answer from WhatsApp within {_options.AttemptTimeout.TotalSeconds:0.###} s." : "The connection to WhatsApp failed mid-request.";
            return (0, [], DispatchResult.Failed(MetaErrorClass.OutcomeUnknown, new MetaError(0, title, e.GetType().Name)));
        }
    }
}
