namespace Conversations.Grains.Pricing;

/// <summary>
/// The most recent message ids a ledger has seen, at most a configured number, oldest overwritten first: a ring in
/// state plus an index rebuilt in memory. Ids are kept as 64-bit FNV-1a hashes; two ids of one month colliding is
/// about as likely as 1 in 10^11 for 10,000 ids, and would only make the second one look like a retry.
/// </summary>
[GenerateSerializer]
[Alias("recent-messages")]
public sealed class RecentMessages
{
    [Id(0)] public List<RememberedMessage> Ring { get; set; } = [];

    /// <summary>Where the next id goes once the ring is full.</summary>
    [Id(1)] public int Next { get; set; }

    [NonSerialized]
    private Dictionary<ulong, int>? _index;

    public bool TryGet(string messageId, out RememberedMessage message)
    {
        _index ??= BuildIndex();
        if (_index.TryGetValue(Hash(messageId), out var at))
        {
            message = Ring[at];
            return true;
        }

        message = default;
        return false;
    }

    public void Add(string messageId, int row, decimal amount, int capacity)
    {
        _index ??= BuildIndex();
        var remembered = new RememberedMessage(Hash(messageId), row, amount);
        int at;
        if (Ring.Count < capacity)
        {
            at = Ring.Count;
            Ring.Add(remembered);
        }
        else
        {
            at = Next % Ring.Count;
            if (_index.TryGetValue(Ring[at].IdHash, out var indexed) && indexed == at)
            {
                _index.Remove(Ring[at].IdHash);
            }

            Ring[at] = remembered;
            Next = (at + 1) % Ring.Count;
        }

        _index[remembered.IdHash] = at;
    }

    private Dictionary<ulong, int> BuildIndex()
    {
        // Oldest first, so a collision within the ring resolves to the newest entry, as it did when it was added.
        var index = new Dictionary<ulong, int>(Ring.Count);
        for (var i = 0; i < Ring.Count; i++)
        {
            var at = (Next + i) % Ring.Count;
            index[Ring[at].IdHash] = at;
        }

        return index;
    }

    /// <summary>64-bit FNV-1a over the id's UTF-16 code units: stable across processes, unlike string.GetHashCode.</summary>
    public static ulong Hash(string messageId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in messageId)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }

        return hash;
    }
}
