using System.Security.Cryptography;
using System.Text.Json;
using Conversations.Abstractions.Messages;

namespace Conversations.Grains.Conversation;

/// <summary>A fixed-size digest of what a send asks for, so remembering hundreds of sends costs bytes, not message bodies.</summary>
public static class ContentHash
{
    public static string Of(SendCommand command)
    {
        // The runtime type names the content kind; two kinds with equal fields must not collide.
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new
        {
            type = command.Content.GetType().Name,
            content = (object)command.Content,
            fallback = command.FallbackTemplate,
            send_at = command.SendAt,
        });
        return Convert.ToHexString(SHA256.HashData(canonical));
    }
}
