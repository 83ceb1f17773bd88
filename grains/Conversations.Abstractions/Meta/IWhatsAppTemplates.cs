using System.Collections.Immutable;
using Conversations.Abstractions.Templates;

namespace Conversations.Abstractions.Meta;

/// <summary>Meta's template management for a WABA: <c>GET</c> and <c>POST /{waba-id}/message_templates</c>.</summary>
public interface IWhatsAppTemplates
{
    /// <summary>Every template Meta holds for the WABA, all pages of the list read.</summary>
    Task<MetaAnswer<ImmutableArray<MetaTemplate>>> ListTemplates(string wabaId, CancellationToken cancellationToken);

    /// <summary>Submits a template for Meta's review; Meta answers its id, status (PENDING) and category.</summary>
    Task<MetaAnswer<MetaTemplateSubmission>> SubmitTemplate(string wabaId, TemplateDraft draft, CancellationToken cancellationToken);
}
