using Microsoft.AspNetCore.Authorization;

namespace Conversations.Api.Auth;

/// <summary>The policy of each scope: the token's scope claim lists it.</summary>
public sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope => scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (new Caller(context.User).Has(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
