namespace Conversations.Grains.Conversation;

/// <summary>The Cloud API error codes that change what a conversation knows about its customer.</summary>
public static class MetaErrorCodes
{
    public const int ReEngagement = 131047;
    public const int EcosystemEngagement = 131049;
    public const int MarketingOptedOut = 131050;
}
