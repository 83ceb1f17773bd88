namespace Conversations.LoadTest.Measurement;

/// <summary>What the api's Redis holds: INFO memory's used_memory and the key count, for bytes per conversation.</summary>
public sealed record RedisMemory(long UsedMemoryBytes, long Keys);
