using System.Security.Cryptography;
using System.Text;
using Conversations.Abstractions.Messages;

namespace Conversations.Grains.Conversation;

/// <summary>A fixed-size digest of a send's content, so remembering hundreds of sends costs bytes, not message bodies.</summary>
public static class ContentHash
{
    public static string Of(MessageContent content) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content.Fingerprint())));
}
