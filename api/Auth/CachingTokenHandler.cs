using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.Api.Auth;

/// <summary>
/// JsonWebTokenHandler that validates each distinct bearer token in full (signature, issuer, audience, lifetime) once,
/// then answers the same token from memory until it expires or <see cref="Revalidate"/> passes, whichever comes first.
/// A chatbot sends thousands of calls a second with one token; checking its signature on every one cost about 40 µs
/// of api CPU per call. Only valid tokens are kept, each call gets its own copy of the identity, and a key removed from
/// the JWKS stops being honoured within <see cref="Revalidate"/>.
/// </summary>
/// <param name="time">The clock of the cache; lifetimes themselves are checked by the base handler, on the system clock.</param>
public sealed class CachingTokenHandler(TimeProvider time) : JsonWebTokenHandler
{
    /// <summary>Past this many tokens the cache is dropped and refilled on demand: memory stays bounded whatever callers send.</summary>
    public const int MaxTokens = 10_000;

    /// <summary>How long a validated token is answered from memory before it is validated in full again.</summary>
    public static readonly TimeSpan Revalidate = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (TokenValidationResult Result, DateTimeOffset Until)> _valid = new(StringComparer.Ordinal);

    public int Count => _valid.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        var now = time.GetUtcNow();
        if (token is not null && _valid.TryGetValue(token, out var known))
        {
            if (now < known.Until)
            {
                return Copy(known.Result);
            }

            _valid.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (token is not null && result.IsValid && result.SecurityToken is { } validated)
        {
            var expires = new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc)) + validationParameters.ClockSkew;
            if (_valid.Count >= MaxTokens)
            {
                _valid.Clear();
            }

            _valid[token] = (result, expires < now + Revalidate ? expires : now + Revalidate);
        }

        return result;
    }

    /// <summary>The same verdict with its own identity, so nothing one call adds to its principal reaches another call.</summary>
    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        SecurityToken = result.SecurityToken,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        Issuer = result.Issuer,
        TokenType = result.TokenType,
        TokenContext = result.TokenContext,
    };
}
