using System.Runtime.CompilerServices;

namespace Conversations.Meta.Tests;

/// <summary>Counts the requests the client's HttpClient sends, including those that never got a connection.</summary>
public sealed class CountingHandler(StrongBox<int> count) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref count.Value);
        return base.SendAsync(request, cancellationToken);
    }
}
