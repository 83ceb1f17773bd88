using Conversations.Abstractions.Refusals;

namespace Conversations.Abstractions.Grains;

/// <summary>A business phone number, keyed by Meta's phone number id; knows the WABA whose templates it sends.</summary>
[Alias("business-number")]
public interface IBusinessNumberGrain : IGrainWithStringKey
{
    /// <summary>Binds the number to a WABA. Binding again to the same WABA is a no-op; to another is refused.</summary>
    [Alias("register")]
    Task<Result<string>> Register(string wabaId, CancellationToken cancellationToken = default);

    /// <summary>The WABA id, or null when the number was never registered.</summary>
    [Alias("get-waba")]
    Task<string?> GetWabaId(CancellationToken cancellationToken = default);
}
