using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Sending;

/// <summary>Where a send finds the template it names: the WABA's template registry in the cluster.</summary>
public interface ITemplateSource
{
    Task<TemplateLookup> Find(TemplateMessage template, CancellationToken cancellationToken);
}
