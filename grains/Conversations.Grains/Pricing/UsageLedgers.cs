using Conversations.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Pricing;

/// <summary>
/// The usage ledgers of this silo, one per portfolio and month, over the one <see cref="IUsageLedgerStore"/> and one
/// rate card. A ledger holds no state of its own (the store counts, one atomic step per charge), so a conversation charges
/// through it directly, in its own turn, rather than through a grain call to a stateless worker on the same silo: two
/// fewer grain calls per send (the charge, and the delivery report). <see cref="UsageLedgerGrain"/> serves the callers
/// outside a silo (the api's Usage RPC) from the same ledgers.
/// </summary>
public sealed class UsageLedgers(IUsageLedgerStore store, IOptions<ConversationOptions> options, ILogger<UsageLedger> logger)
{
    private readonly Lazy<MessagePricer> _pricer = new(() =>
    {
        var pricing = options.Value.Pricing;
        return new MessagePricer(RateCard.Load(pricing.RateCardPath), pricing);
    });

    /// <summary>Portfolio-months in use are few; the bound only keeps a long-lived silo from holding every month it ever priced.</summary>
    private readonly BoundedMemo<UsageLedger> _ledgers = new(capacity: 10_000);

    /// <summary>The ledger of a key made by <see cref="Abstractions.Pricing.UsageLedgerKey.Of(string, DateTimeOffset)"/>.</summary>
    public UsageLedger For(string key) => _ledgers.GetOrAdd(key, k => new UsageLedger(k, _pricer.Value, store, logger));
}
