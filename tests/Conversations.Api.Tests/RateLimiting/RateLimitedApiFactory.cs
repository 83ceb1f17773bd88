using Conversations.Auth;
using Grpc.Net.Client;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.RateLimiting;

/// <summary>A host where a caller may make <see cref="Burst"/> calls at once and one more a second, so its tests reach the rate in a few calls.</summary>
public sealed class RateLimitedApiFactory : ApiFactory
{
    public const int Burst = 3;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Conversations:Api:RateLimit:PermitsPerSecond"] = "1",
        ["Conversations:Api:RateLimit:Burst"] = $"{Burst}",
    };

    /// <summary>A channel for a caller of its own: an administrator whose token names <paramref name="subject"/>.</summary>
    public GrpcChannel CallerChannel(string subject) => ChannelWith(Token(Scopes.All, [CallerClaims.Any], [CallerClaims.Any], subject: subject));

    /// <summary>
    /// Calls until a call is refused, at most <paramref name="most"/> times; returns how many went and the refusal.
    /// Tokens come back once a second in real time, so a test counts calls up to the refusal instead of expecting a fixed one to fail.
    /// </summary>
    public static async Task<(int Went, Grpc.Core.RpcException? Refused)> CallUntilRefused(Func<Task> call, int most = Burst + 5)
    {
        for (var went = 0; went < most; went++)
        {
            try
            {
                await call();
            }
            catch (Grpc.Core.RpcException refused)
            {
                return (went, refused);
            }
        }

        return (most, null);
    }

    /// <summary>A call that any caller may make and that costs one grain call: the (empty) templates of a WABA nobody uses.</summary>
    public static Func<Task> ListTemplates(GrpcChannel channel) =>
        () => new V1.TemplatesService.TemplatesServiceClient(channel).ListTemplatesAsync(new V1.ListTemplatesRequest { WabaId = "2000000001" }).ResponseAsync;
}
