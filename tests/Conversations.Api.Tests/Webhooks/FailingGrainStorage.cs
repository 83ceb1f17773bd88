using System.Collections.Concurrent;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>
/// Grain storage in memory whose writes fail for the grains a test names, as Redis does when it is down: the grain call
/// throws after the grain decided, before anything was stored.
/// </summary>
public sealed class FailingGrainStorage(DeepCopier copier) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), object> _stored = new();

    /// <summary>Grain keys ("{number}/{customer}" for conversations) whose writes throw.</summary>
    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_stored.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = copier.Copy((T)stored);
            grainState.RecordExists = true;
            grainState.ETag = "stored";
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Failing.ContainsKey(grainId.Key.ToString()!))
        {
            throw new OrleansException($"Storage is unavailable for {grainId}.");
        }

        _stored[(stateName, grainId)] = copier.Copy(grainState.State)!;
        grainState.RecordExists = true;
        grainState.ETag = "stored";
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _stored.TryRemove((stateName, grainId), out _);
        grainState.RecordExists = false;
        grainState.ETag = null;
        return Task.CompletedTask;
    }

    /// <summary>Nothing to start; implemented because Orleans may enlist every storage provider in the silo lifecycle.</summary>
    public void Participate(ISiloLifecycle lifecycle)
    {
    }
}
