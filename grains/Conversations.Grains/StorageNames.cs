namespace Conversations.Grains;

public static class StorageNames
{
    /// <summary>The grain storage provider every grain of this service writes to (memory or Redis).</summary>
    public const string Conversations = "conversations";
}
