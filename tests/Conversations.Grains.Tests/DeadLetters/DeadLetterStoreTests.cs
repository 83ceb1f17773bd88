using Conversations.Abstractions.DeadLetters;
using Conversations.Grains;
using Conversations.Grains.DeadLetters;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Tests.DeadLetters;

public sealed class DeadLetterStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static DeadLetter Letter(string id) => new("status", "GROUP_RECIPIENT", "read status", $"{{\"id\":\"{id}\"}}", At);

    [Fact]
    public async Task A_number_keeps_only_its_newest_dead_letters_up_to_the_configured_count()
    {
        // Arrange
        var store = new InMemoryDeadLetterStore(Options.Create(new ConversationOptions { DeadLettersPerNumber = 3 }));

        // Act
        foreach (var id in new[] { "1", "2", "3", "4", "5" })
        {
            await store.Append("106540352242922", Letter(id), CancellationToken.None);
        }

        await store.Append("106540352242923", Letter("other"), CancellationToken.None);

        // Assert
        Assert.Equal([Letter("5"), Letter("4"), Letter("3")], (await store.Newest("106540352242922", 10, CancellationToken.None)).ToArray());
        Assert.Equal([Letter("5"), Letter("4")], (await store.Newest("106540352242922", 2, CancellationToken.None)).ToArray());
        Assert.Equal([Letter("other")], (await store.Newest("106540352242923", 10, CancellationToken.None)).ToArray());
        Assert.Empty(await store.Newest("106540352242924", 10, CancellationToken.None));
    }

    [Fact]
    public void An_event_longer_than_the_bound_is_cut_and_marked_truncated()
    {
        // Arrange
        var letter = Letter(new string('x', 1_000));

        // Act
        var bounded = DeadLetterGrain.Bounded(letter, 256);

        // Assert
        Assert.Equal(256, bounded.Event.Length);
        Assert.True(bounded.Truncated);
        Assert.Equal(letter.Event[..256], bounded.Event);
    }

    [Fact]
    public void An_event_within_the_bound_is_kept_whole()
    {
        // Arrange
        var letter = Letter("1");

        // Act + Assert
        Assert.Same(letter, DeadLetterGrain.Bounded(letter, 256));
    }
}
