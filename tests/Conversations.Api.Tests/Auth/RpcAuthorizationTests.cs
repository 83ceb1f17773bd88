using Conversations.Auth;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Auth;

/// <summary>
/// Every RPC, one row each (<see cref="AuthorizedRpc"/>): refused without a valid token, refused for another tenant's
/// things and without its scope, answered with the right token. A new RPC fails the first test until it has its row.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RpcAuthorizationTests(ApiFactory api)
{
    public static TheoryData<string> Rpcs => AuthorizedRpc.Names;

    [Fact]
    public void Every_rpc_of_the_contract_has_an_authorization_row()
    {
        // Arrange
        var contract = V1.ConversationsReflection.Descriptor.Services.SelectMany(s => s.Methods).Select(m => m.Name);

        // Act
        var rows = AuthorizedRpc.All.Select(r => r.Name);

        // Assert
        Assert.Equal(contract.Order(), rows.Order());
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Without_a_token_the_call_is_UNAUTHENTICATED_TOKEN_MISSING(string rpc) =>
        await Refused(rpc, token: null, StatusCode.Unauthenticated, "TOKEN_MISSING");

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task A_token_that_is_not_a_JWT_is_UNAUTHENTICATED_TOKEN_INVALID(string rpc) =>
        await Refused(rpc, "not-a-jwt", StatusCode.Unauthenticated, "TOKEN_INVALID");

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task An_expired_token_is_UNAUTHENTICATED_TOKEN_INVALID(string rpc) =>
        await Refused(rpc, ApiFactory.Token(Scopes.All, [CallerClaims.Any], issuedAt: DateTimeOffset.UtcNow.AddHours(-3), lifetime: TimeSpan.FromHours(1)), StatusCode.Unauthenticated, "TOKEN_INVALID");

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task A_token_for_another_audience_is_UNAUTHENTICATED_TOKEN_INVALID(string rpc) =>
        await Refused(rpc, ApiFactory.Token(Scopes.All, [CallerClaims.Any], audience: "another-api"), StatusCode.Unauthenticated, "TOKEN_INVALID");

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task A_token_signed_with_another_key_is_UNAUTHENTICATED_TOKEN_INVALID(string rpc) =>
        await Refused(rpc, ApiFactory.Token(Scopes.All, [CallerClaims.Any], signingKey: "another-key-that-is-also-32-bytes-long"), StatusCode.Unauthenticated, "TOKEN_INVALID");

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task An_administrator_of_another_tenant_is_PERMISSION_DENIED_for_this_tenants_things(string rpc)
    {
        var other = await Tenant.Create(api);
        await Refused(rpc, other.Token(Scopes.All), StatusCode.PermissionDenied, AuthorizedRpc.Named(rpc).OtherTenantReason);
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task A_token_without_the_rpcs_scope_is_PERMISSION_DENIED_SCOPE_MISSING_naming_it(string rpc)
    {
        // Arrange
        var row = AuthorizedRpc.Named(rpc);
        var tenant = await Tenant.Create(api);
        using var channel = api.ChannelWith(tenant.TokenWithout(row.Scope));

        // Act
        var (code, reason, info) = await row.Outcome(channel, tenant);

        // Assert
        Assert.Equal((StatusCode.PermissionDenied, "SCOPE_MISSING"), (code, reason));
        Assert.Equal(row.Scope, info!.Metadata["scope"]);
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task A_token_with_only_the_rpcs_scope_for_the_tenants_WABA_is_answered(string rpc)
    {
        // Arrange
        var row = AuthorizedRpc.Named(rpc);
        var tenant = await Tenant.Create(api);
        using var channel = api.ChannelWith(tenant.Token([row.Scope]));

        // Act
        var (code, reason, _) = await row.Outcome(channel, tenant);

        // Assert
        Assert.Equal((StatusCode.OK, null), (code, reason));
    }

    /// <summary>Arrange a tenant, act with the token on its things, assert the refusal.</summary>
    private async Task Refused(string rpc, string? token, StatusCode code, string reason)
    {
        var row = AuthorizedRpc.Named(rpc);
        var tenant = await Tenant.Create(api);
        using var channel = api.ChannelWith(token);

        var (actualCode, actualReason, _) = await row.Outcome(channel, tenant);

        Assert.Equal((code, reason), (actualCode, actualReason));
    }
}
