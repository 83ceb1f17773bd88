using Grpc.Core;

namespace Conversations.Api.Auth;

/// <summary>Hands each call its <see cref="CallAccess"/>: the caller of the call's token, checked against what the call names.</summary>
public sealed class CallerAccess(NumberOwners owners)
{
    public CallAccess Of(ServerCallContext context) =>
        new(new Caller(context.GetHttpContext().User), owners, context.CancellationToken);
}
