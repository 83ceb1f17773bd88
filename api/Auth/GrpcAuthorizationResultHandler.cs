using Conversations.Api.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Auth;

/// <summary>
/// A gRPC call the authorization middleware refuses gets a gRPC status with its ErrorInfo, not a bare HTTP 401 or
/// 403: TOKEN_MISSING or TOKEN_INVALID (UNAUTHENTICATED) when the token is absent or fails validation, CERTIFICATE_INVALID
/// when a client certificate does, SCOPE_MISSING
/// (PERMISSION_DENIED) when the policy's scope is not in it. Other requests get ASP.NET Core's default answer.
/// </summary>
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        // The authentication middleware keeps only a success; the scheme's handler still has this request's failure.
        var refusal = authorizeResult.Challenged
            ? (await context.AuthenticateAsync()).Failure is { } failure
                ? ByCertificate(context) ? CallerRefusals.CertificateInvalid(failure) : CallerRefusals.TokenInvalid(failure)
                : CallerRefusals.TokenMissing()
            : CallerRefusals.ScopeMissing(MissingScope(authorizeResult.AuthorizationFailure, policy));
        GrpcTrailersOnly.Write(context.Response, refusal.ToStatus());
    }

    private static bool ByCertificate(HttpContext context) =>
        CallerSchemes.For(context, context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value) == CertificateAuthenticationDefaults.AuthenticationScheme;

    private static string MissingScope(AuthorizationFailure? failure, AuthorizationPolicy policy) =>
        (failure?.FailedRequirements ?? policy.Requirements).OfType<ScopeRequirement>().Select(r => r.Scope).FirstOrDefault() ?? "";
}
