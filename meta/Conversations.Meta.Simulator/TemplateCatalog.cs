namespace Conversations.Meta.Simulator;

/// <summary>
/// Each WABA's message templates as Meta holds them, in the order they were created. A WABA with none is one the
/// simulator was never told about: its sends are not checked against templates (see meta/README.md).
/// </summary>
public sealed class TemplateCatalog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<SimulatedTemplate>> _wabas = new(StringComparer.Ordinal);
    private long _nextId = 1_000_000_000_000_000;

    /// <summary>Adds a template with a fresh id; null when the WABA has one of that name and language already.</summary>
    public SimulatedTemplate? Add(string wabaId, string name, string language, string category, string status, System.Text.Json.Nodes.JsonArray components)
    {
        lock (_lock)
        {
            var templates = TemplatesOf(wabaId);
            if (templates.Exists(t => t.Name == name && t.Language == language))
            {
                return null;
            }

            var template = new SimulatedTemplate((++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), wabaId, name, language, category, status, components);
            templates.Add(template);
            return template;
        }
    }

    /// <summary>Sets a template's status; null when the WABA has no such template.</summary>
    public SimulatedTemplate? SetStatus(string wabaId, string name, string language, string status)
    {
        lock (_lock)
        {
            var templates = TemplatesOf(wabaId);
            var at = templates.FindIndex(t => t.Name == name && t.Language == language);
            if (at < 0)
            {
                return null;
            }

            templates[at] = templates[at] with { Status = status };
            return templates[at];
        }
    }

    /// <summary>Whether the WABA has any template: only then are its sends checked against them.</summary>
    public bool Knows(string wabaId)
    {
        lock (_lock)
        {
            return _wabas.TryGetValue(wabaId, out var templates) && templates.Count > 0;
        }
    }

    public SimulatedTemplate? Find(string wabaId, string name, string language)
    {
        lock (_lock)
        {
            return _wabas.TryGetValue(wabaId, out var templates) ? templates.Find(t => t.Name == name && t.Language == language) : null;
        }
    }

    /// <summary>Up to <paramref name="limit"/> templates from position <paramref name="offset"/>, and whether more follow.</summary>
    public (IReadOnlyList<SimulatedTemplate> Page, bool More) Page(string wabaId, int offset, int limit)
    {
        lock (_lock)
        {
            if (!_wabas.TryGetValue(wabaId, out var templates) || offset >= templates.Count)
            {
                return ([], false);
            }

            var page = templates.Skip(offset).Take(limit).ToList();
            return (page, offset + page.Count < templates.Count);
        }
    }

    private List<SimulatedTemplate> TemplatesOf(string wabaId)
    {
        if (!_wabas.TryGetValue(wabaId, out var templates))
        {
            templates = [];
            _wabas[wabaId] = templates;
        }

        return templates;
    }
}
