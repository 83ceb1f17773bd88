namespace Conversations.Meta.Simulator;

/// <summary>The send requests one phone-number id made, as the simulator received them.</summary>
/// <param name="Kept">Arrival times, oldest first: the latest ones, up to the log's capacity per number.</param>
/// <param name="Received">Every request received for the number, kept or not.</param>
public sealed record Arrivals(string PhoneNumberId, IReadOnlyList<DateTimeOffset> Kept, long Received)
{
    /// <summary>The most kept arrivals within any one second: the number's throughput as Meta would count it.</summary>
    public int BusiestSecond => Abstractions.Limits.BusiestSecond.Of(Kept);
}
