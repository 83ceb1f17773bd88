using Conversations.Abstractions;
using Conversations.Abstractions.Identity;

namespace Conversations.Grains.Tests.Rules;

public sealed class BoundedMemoTests
{
    [Fact]
    public void A_key_asked_again_is_answered_from_memory()
    {
        var memo = new BoundedMemo<string>(capacity: 10);
        var computed = 0;

        var first = memo.GetOrAdd("16505551234", k => $"{k}:{++computed}");
        var again = memo.GetOrAdd("16505551234", k => $"{k}:{++computed}");

        Assert.Equal(("16505551234:1", "16505551234:1", 1), (first, again, computed));
    }

    [Fact]
    public void Past_its_capacity_the_memo_forgets_everything_and_starts_again()
    {
        var memo = new BoundedMemo<int>(capacity: 3);
        foreach (var key in new[] { "a", "b", "c" })
        {
            memo.GetOrAdd(key, k => k.Length);
        }

        var countAtCapacity = memo.Count;
        memo.GetOrAdd("d", k => k.Length);
        var recomputed = false;
        memo.GetOrAdd("a", k => { recomputed = true; return k.Length; });

        Assert.Equal((3, 2, true), (countAtCapacity, memo.Count, recomputed));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_memo_without_room_is_refused(int capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedMemo<int>(capacity));

    [Fact]
    public void A_refused_number_is_refused_the_same_way_when_asked_again_under_another_field()
    {
        var first = CustomerNumber.Normalize("+10005551234", "customer");
        var again = CustomerNumber.Normalize("10005551234", "to");

        Assert.Equal(first.Refusal!.Reason, again.Refusal!.Reason);
        Assert.Contains("customer '+10005551234'", first.Refusal.Message, StringComparison.Ordinal);
        Assert.Contains("to '10005551234'", again.Refusal.Message, StringComparison.Ordinal);
    }
}
