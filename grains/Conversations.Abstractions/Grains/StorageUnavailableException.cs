namespace Conversations.Abstractions.Grains;

/// <summary>
/// A grain call failed because Redis did not answer. StackExchange.Redis' own exceptions cannot cross between silos
/// (Orleans has no codec for them and would answer with a serialization error), so silos throw this in their place;
/// the api answers it UNAVAILABLE STORAGE_UNAVAILABLE.
/// </summary>
[GenerateSerializer]
[Alias("storage-unavailable")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
