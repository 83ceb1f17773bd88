using System.Text;

namespace Conversations.Grains.Events;

/// <summary>
/// What one retained event counts against <see cref="EventHubOptions.RetainedBytes"/>, in either store: the event in
/// the binary format grain state uses (as the Redis stream holds it), its customer, and <see cref="Overhead"/> for the
/// rest of its entry (position, append time, field names).
/// </summary>
public static class FeedEntrySize
{
    public const int Overhead = 32;

    public static long Of(int eventBytes, string customer) => eventBytes + Encoding.UTF8.GetByteCount(customer) + Overhead;
}
