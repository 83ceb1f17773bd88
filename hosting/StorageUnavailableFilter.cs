using Conversations.Abstractions.Grains;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Conversations.Hosting;

/// <summary>
/// Rethrows a grain call's StackExchange.Redis failure (from the stores a silo writes itself: message logs, usage
/// counters, event feeds) as a <see cref="StorageUnavailableException"/>, which crosses to a client in another process;
/// the Redis exception itself would reach it as a serialization error.
/// </summary>
public sealed class StorageUnavailableFilter(ILogger<StorageUnavailableFilter> logger) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        var call = context.Invoke();
        return call.IsCompletedSuccessfully ? call : Translated(call, context);
    }

    private async Task Translated(Task call, IIncomingGrainCallContext context)
    {
        try
        {
            await call;
        }
        catch (Exception e) when (RedisCause(e) is { } cause)
        {
            // The one line per storage failure, where the grain and the trace are still known; the caller sees STORAGE_UNAVAILABLE.
            logger.LogError(
                "Storage failed under {Interface}.{Method}: {Cause} (trace {TraceId})",
                context.InterfaceName,
                context.MethodName,
                $"{cause.GetType().Name}: {cause.Message}",
                Activity.Current?.TraceId.ToString());
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
