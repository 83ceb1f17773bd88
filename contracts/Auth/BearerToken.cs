using Grpc.Core;
using Grpc.Net.Client;

namespace Conversations.Auth;

/// <summary>How .NET clients present a token: <c>authorization: Bearer</c> on every call of a channel.</summary>
public static class BearerToken
{
    /// <summary>The environment variable the CLI and the load tester read a token from when --token is not given.</summary>
    public const string EnvironmentVariable = "CONVERSATIONS_TOKEN";

    /// <summary>Adds the token to every call; no token leaves the options as they were (an api in development mode).</summary>
    public static GrpcChannelOptions WithBearer(this GrpcChannelOptions options, Uri address, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return options;
        }

        var header = "Bearer " + token;
        options.Credentials = ChannelCredentials.Create(
            address.Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure,
            CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", header);
                return Task.CompletedTask;
            }));
        // Over http:// the token travels in the clear: acceptable on loopback or inside a private network only.
        options.UnsafeUseInsecureChannelCallCredentials = address.Scheme != Uri.UriSchemeHttps;
        return options;
    }
}
