using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Refusals;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Limits;

/// <summary>
/// One activation per WABA, in memory only, as the throughput pacer: it is asked once per conversation a business opens,
/// never per message, does no I/O and answers at once. A restart forgets what the last minute took, so a WABA may then
/// open up to one more minute's quota.
/// </summary>
[GrainType("conversation-quota")]
public sealed class ConversationQuotaGrain(IOptions<ConversationOptions> options, TimeProvider time) : Grain, IConversationQuotaGrain
{
    private NewConversationQuota? _quota;

    private NewConversationQuota Quota => _quota ??= new(this.GetPrimaryKeyString(), options.Value.Limits.NewConversationsPerMinute);

    public Task<Refusal?> Take(CancellationToken cancellationToken = default) => Task.FromResult(Quota.Take(time.GetUtcNow()));

    public Task<Refusal?> Peek(CancellationToken cancellationToken = default) => Task.FromResult(Quota.Peek(time.GetUtcNow()));
}
