namespace Conversations.Api.Tests.Limits;

/// <summary>
/// A host whose WABAs hold at most <see cref="MaxNumbers"/> business numbers and open at most
/// <see cref="NewConversationsPerMinute"/> conversations a minute, so its tests reach the quotas in a few calls.
/// </summary>
public sealed class QuotaApiFactory : ApiFactory
{
    public const int MaxNumbers = 2;

    public const int NewConversationsPerMinute = 2;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Conversations:Limits:MaxBusinessNumbersPerWaba"] = $"{MaxNumbers}",
        ["Conversations:Limits:NewConversationsPerMinute"] = $"{NewConversationsPerMinute}",
    };
}
