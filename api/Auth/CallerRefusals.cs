using Conversations.Abstractions.Refusals;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.Api.Auth;

/// <summary>The refusals of a caller's identity; api/Errors/RefusalStatus.cs maps them to UNAUTHENTICATED and PERMISSION_DENIED.</summary>
public static class CallerRefusals
{
    public static Refusal TokenMissing() => Refusal.Of(
        RefusalReason.TokenMissing,
        "This call needs a bearer token (metadata authorization: Bearer <JWT>), or a client certificate where the api takes them.");

    /// <summary>Says what was wrong with the token, never what the server expected (its keys, issuer or audience).</summary>
    public static Refusal TokenInvalid(Exception? failure) => Refusal.Of(
        RefusalReason.TokenInvalid,
        failure switch
        {
            SecurityTokenExpiredException => "The bearer token has expired.",
            SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
            SecurityTokenInvalidAudienceException => "The bearer token is not for this api (audience).",
            SecurityTokenInvalidIssuerException => "The bearer token is not from the issuer this api trusts.",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The bearer token's signature does not verify.",
            _ => "The bearer token is not a valid JWT.",
        });

    /// <summary>Says which check the client certificate failed, never which certificates or roots the api trusts.</summary>
    public static Refusal CertificateInvalid(Exception? failure) => Refusal.Of(
        RefusalReason.CertificateInvalid,
        failure is ClientCertificateSetup.NotListedException
            ? failure.Message
            : "The client certificate failed validation: it is expired or not yet valid, not for client authentication, or not issued by a trusted authority.");

    public static Refusal ScopeMissing(string scope) => Refusal.Of(
        RefusalReason.ScopeMissing,
        $"The bearer token lacks the scope {scope}.",
        ("scope", scope));

    /// <param name="field">The request field that named the WABA: waba_id, or business_number_id for a number's WABA.</param>
    public static Refusal WabaNotAllowed(string field, string value) => Refusal.Of(
        RefusalReason.WabaNotAllowed,
        field == "waba_id"
            ? $"The bearer token does not act for WABA {value}."
            : $"The bearer token does not act for the WABA of {field} {value}.",
        ("field", field));

    public static Refusal PortfolioNotAllowed(string field, string value) => Refusal.Of(
        RefusalReason.PortfolioNotAllowed,
        $"The bearer token does not act for portfolio {value}.",
        ("field", field));
}
