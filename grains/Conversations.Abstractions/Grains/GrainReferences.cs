using System.Collections.Concurrent;
using Orleans.Metadata;

namespace Conversations.Abstractions.Grains;

/// <summary>
/// Grain references without per-call reflection. <c>IGrainFactory.GetGrain&lt;T&gt;(string)</c> resolves the interface's
/// type id from its attributes on every call (2.7% of the api's CPU on the send path); this resolves it and the grain
/// type once per interface, then builds each reference from the two ids.
/// </summary>
public sealed class GrainReferences(IGrainFactory grains, GrainInterfaceTypeResolver interfaces, GrainInterfaceTypeToGrainTypeResolver types)
{
    private readonly ConcurrentDictionary<Type, (GrainInterfaceType Interface, GrainType Grain)> _resolved = new();

    public T Get<T>(string key)
        where T : IGrainWithStringKey
    {
        var (interfaceType, grainType) = _resolved.GetOrAdd(typeof(T), Resolve);
        return (T)grains.GetGrain(GrainId.Create(grainType, key), interfaceType);
    }

    private (GrainInterfaceType, GrainType) Resolve(Type grainInterface)
    {
        var interfaceType = interfaces.GetGrainInterfaceType(grainInterface);
        return (interfaceType, types.GetGrainType(interfaceType));
    }
}
