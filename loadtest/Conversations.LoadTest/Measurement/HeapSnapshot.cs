namespace Conversations.LoadTest.Measurement;

/// <summary>The api's memory right after a full, induced garbage collection: the managed heap and the resident set.</summary>
public sealed record HeapSnapshot(long? GcHeapBytes, long? ResidentBytes);
