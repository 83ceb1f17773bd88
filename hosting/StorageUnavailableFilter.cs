using Conversations.Abstractions.Grains;
using StackExchange.Redis;

namespace Conversations.Hosting;

/// <summary>
/// Rethrows a grain call's StackExchange.Redis failure (from the stores a silo writes itself: message logs, usage
/// counters, event feeds) as a <see cref="StorageUnavailableException"/>, which crosses to a client in another process;
/// the Redis exception itself would reach it as a serialization error.
/// </summary>
public sealed class StorageUnavailableFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        var call = context.Invoke();
        return call.IsCompletedSuccessfully ? call : Translated(call);
    }

    private static async Task Translated(Task call)
    {
        try
        {
            await call;
        }
        catch (Exception e) when (RedisCause(e) is { } cause)
        {
            throw new StorageUnavailableException($"{cause.GetType().Name}: {cause.Message}");
        }
    }

    private static Exception? RedisCause(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is RedisConnectionException or RedisTimeoutException)
            {
                return current;
            }
        }

        return null;
    }
}
