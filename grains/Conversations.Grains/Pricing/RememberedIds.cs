namespace Conversations.Grains.Pricing;

/// <summary>
/// Message ids with a value each, forgotten once they expire, as Redis keys with a TTL are: the in-memory store's
/// markers. Ids are remembered for the same length of time, so they expire in the order they were added and a queue
/// finds the expired ones without a scan.
/// </summary>
public sealed class RememberedIds
{
    private readonly Dictionary<string, (string Value, DateTimeOffset ExpiresAt)> _ids = new(StringComparer.Ordinal);
    private Queue<(string Id, DateTimeOffset ExpiresAt)> _byExpiry = new();

    /// <summary>How many ids are remembered at <paramref name="now"/>: what the markers' memory grows with.</summary>
    public int CountAt(DateTimeOffset now)
    {
        Forget(now);
        return _ids.Count;
    }

    public bool TryGet(string id, DateTimeOffset now, out string value)
    {
        Forget(now);
        if (_ids.TryGetValue(id, out var remembered))
        {
            value = remembered.Value;
            return true;
        }

        value = "";
        return false;
    }

    /// <summary>Remembers an id that <see cref="TryGet"/> did not find.</summary>
    public void Add(string id, string value, DateTimeOffset expiresAt)
    {
        _ids[id] = (value, expiresAt);
        _byExpiry.Enqueue((id, expiresAt));
    }

    /// <summary>Forgets these ids now, leaving no trace of them behind; returns how many were remembered.</summary>
    public int Remove(IReadOnlySet<string> ids)
    {
        var removed = 0;
        foreach (var id in ids)
        {
            removed += _ids.Remove(id) ? 1 : 0;
        }

        _byExpiry = new(_byExpiry.Where(e => !ids.Contains(e.Id)));
        return removed;
    }

    private void Forget(DateTimeOffset now)
    {
        while (_byExpiry.TryPeek(out var oldest) && oldest.ExpiresAt <= now)
        {
            _byExpiry.Dequeue();

            // An id forgotten and then added again is queued twice; only its latest entry removes it.
            if (_ids.TryGetValue(oldest.Id, out var remembered) && remembered.ExpiresAt == oldest.ExpiresAt)
            {
                _ids.Remove(oldest.Id);
            }
        }
    }
}
