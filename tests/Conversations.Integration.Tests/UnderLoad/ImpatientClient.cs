using Orleans.Configuration;

namespace Conversations.Integration.Tests.UnderLoad;

/// <summary>
/// A client that gives up on a call after a few seconds instead of Orleans' default 30: a request already on its way to a
/// gateway silo that crashes is never answered, only timed out, and the client retries it with the same identity anyway.
/// </summary>
public static class ImpatientClient
{
    public static TimeSpan ResponseTimeout => TimeSpan.FromSeconds(5);

    public static void Configure(IClientBuilder client) =>
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
}
