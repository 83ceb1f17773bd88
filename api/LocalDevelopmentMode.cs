using Conversations.Api.Auth;
using Conversations.Hosting;

namespace Conversations.Api;

/// <summary>
/// What <c>dotnet run --project api</c> is: no Redis (the embedded, in-memory cluster) and every endpoint on loopback, so
/// only this machine can call it; the same condition under which the api may run without authentication. Conveniences
/// for a developer, such as server reflection, are on in it.
/// </summary>
public static class LocalDevelopmentMode
{
    public static bool Applies(IConfiguration configuration) =>
        !ClusterStorage.From(configuration).IsDurable && ListenAddresses.FirstNonLoopback(configuration) is null;
}
