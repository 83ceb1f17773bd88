using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Sending;

/// <summary>The limits a conversation shares with others, as the grains that hold them: its WABA's templates, its number's pacer, its portfolio's reach of the customer.</summary>
public sealed class GrainSendLimits(IGrainFactory grains, BusinessNumberProfile profile, string customer) : ITemplateSource, IPacer, IMessagingLimit
{
    private IThroughputPacerGrain Pacer => grains.GetGrain<IThroughputPacerGrain>(profile.BusinessNumberId);

    private ICustomerReachGrain Reach => grains.GetGrain<ICustomerReachGrain>(new CustomerReachKey(profile.PortfolioId, customer).ToString());

    public Task<TemplateLookup> Find(TemplateMessage template, CancellationToken cancellationToken) =>
        grains.GetGrain<ITemplateRegistryGrain>(profile.WabaId).Find(template.Name, template.Language, cancellationToken);

    public Task<PaceSlot> Reserve(CancellationToken cancellationToken) => Pacer.Reserve(cancellationToken);

    Task<PaceSlot> IPacer.Peek(CancellationToken cancellationToken) => Pacer.Peek(cancellationToken);

    public Task<Result<CustomerReach>> Count(CancellationToken cancellationToken) => Reach.Count(cancellationToken);

    Task<Result<CustomerReach>> IMessagingLimit.Peek(CancellationToken cancellationToken) => Reach.Peek(cancellationToken);
}
