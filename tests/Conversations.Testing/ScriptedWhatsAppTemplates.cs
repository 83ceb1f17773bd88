using System.Collections.Concurrent;
using System.Collections.Immutable;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Templates;

namespace Conversations.Testing;

/// <summary>
/// A stand-in for Meta's template management in grain and api tests: each WABA's templates as a test set them (none
/// until then), or the failure it scripted. The Cloud API client's own tests, and the end-to-end ones, use the simulator.
/// </summary>
public sealed class ScriptedWhatsAppTemplates : IWhatsAppTemplates
{
    private readonly ConcurrentDictionary<string, ImmutableArray<MetaTemplate>> _wabas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (MetaErrorClass Class, MetaError Error)> _failures = new(StringComparer.Ordinal);
    private int _lists;
    private int _submissions;

    /// <summary>How many times a WABA's list was read.</summary>
    public int Lists => Volatile.Read(ref _lists);

    /// <summary>How many templates were submitted for review, refused ones included.</summary>
    public int Submissions => Volatile.Read(ref _submissions);

    /// <summary>What Meta holds for <paramref name="wabaId"/> from now on.</summary>
    public void Hold(string wabaId, params TemplateDraft[] templates) =>
        _wabas[wabaId] = [.. templates.Select((t, i) => new MetaTemplate($"{wabaId}{i:000}", t))];

    /// <summary>Every call about <paramref name="wabaId"/> fails so from now on.</summary>
    public void Fail(string wabaId, MetaErrorClass errorClass, MetaError error) => _failures[wabaId] = (errorClass, error);

    public Task<MetaAnswer<ImmutableArray<MetaTemplate>>> ListTemplates(string wabaId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lists);
        return Task.FromResult(_failures.TryGetValue(wabaId, out var failure)
            ? MetaAnswer<ImmutableArray<MetaTemplate>>.Failed(failure.Class, failure.Error)
            : MetaAnswer<ImmutableArray<MetaTemplate>>.Ok(_wabas.GetValueOrDefault(wabaId, [])));
    }

    public Task<MetaAnswer<MetaTemplateSubmission>> SubmitTemplate(string wabaId, TemplateDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Interlocked.Increment(ref _submissions);
        if (_failures.TryGetValue(wabaId, out var failure))
        {
            return Task.FromResult(MetaAnswer<MetaTemplateSubmission>.Failed(failure.Class, failure.Error));
        }

        var pending = draft with { Status = TemplateStatus.Pending };
        var id = $"{wabaId}{_wabas.GetValueOrDefault(wabaId, []).Length:000}";
        _wabas.AddOrUpdate(wabaId, _ => [new MetaTemplate(id, pending)], (_, held) => held.Add(new MetaTemplate(id, pending)));
        return Task.FromResult(MetaAnswer<MetaTemplateSubmission>.Ok(new MetaTemplateSubmission(id, TemplateStatus.Pending, draft.Category)));
    }
}
