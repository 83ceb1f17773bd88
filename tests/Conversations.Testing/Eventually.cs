namespace Conversations.Testing;

public static class Eventually
{
    /// <summary>
    /// Polls until <paramref name="condition"/> holds. Reminders fire on the silo's own schedule after the fake clock moves,
    /// so a test waits for the effect (bounded in real time) instead of sleeping a guessed amount.
    /// </summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met before the timeout; last value: {value}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task True(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Calls until <paramref name="call"/> returns, retrying only what <paramref name="retryable"/> accepts, as a retrying client does.</summary>
    public static async Task<T> Succeeds<T>(Func<Task<T>> call, Func<Exception, bool> retryable, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (retryable(e) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
