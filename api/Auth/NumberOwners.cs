using System.Collections.Concurrent;
using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Grains;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Auth;

/// <summary>
/// Which WABA each business number belongs to, as the authorization of a call needs it: read from the number's grain
/// and kept for <see cref="AuthOptions.NumberOwnerLifetime"/>, so a chatbot sending 1,000 messages a second to one
/// number pays one grain call a few times a minute instead of one per message. A release or move through this api
/// process forgets the number at once; other api processes follow within the lifetime, as conversations already do
/// (they re-read their number's profile once a minute). Unregistered numbers are never kept: a registration is seen
/// on the next call.
/// </summary>
public sealed class NumberOwners(GrainReferences grains, TimeProvider time, IOptions<AuthOptions> options)
{
    /// <summary>Past this many numbers the whole map is dropped and refilled on demand; it never grows without bound.</summary>
    public const int MaxNumbers = 100_000;

    private readonly ConcurrentDictionary<string, (BusinessNumberProfile Profile, DateTimeOffset ReadAt)> _owners = new(StringComparer.Ordinal);

    public async ValueTask<BusinessNumberProfile?> Get(string businessNumberId, CancellationToken cancellationToken)
    {
        var lifetime = options.Value.NumberOwnerLifetime;
        var now = time.GetUtcNow();
        if (_owners.TryGetValue(businessNumberId, out var known) && now - known.ReadAt < lifetime)
        {
            return known.Profile;
        }

        return await Read(businessNumberId, lifetime, cancellationToken);
    }

    /// <summary>The number's profile as its grain holds it now; for calls that change who owns it.</summary>
    public ValueTask<BusinessNumberProfile?> Fresh(string businessNumberId, CancellationToken cancellationToken) =>
        Read(businessNumberId, options.Value.NumberOwnerLifetime, cancellationToken);

    /// <summary>After a release or move: the next call through this process reads the number's grain again.</summary>
    public void Forget(string businessNumberId) => _owners.TryRemove(businessNumberId, out _);

    private async ValueTask<BusinessNumberProfile?> Read(string businessNumberId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        var profile = await grains.Get<IBusinessNumberGrain>(businessNumberId).GetProfile(cancellationToken);
        if (profile is null || lifetime <= TimeSpan.Zero)
        {
            _owners.TryRemove(businessNumberId, out _);
            return profile;
        }

        if (_owners.Count >= MaxNumbers)
        {
            _owners.Clear();
        }

        _owners[businessNumberId] = (profile, readAt);
        return profile;
    }
}
