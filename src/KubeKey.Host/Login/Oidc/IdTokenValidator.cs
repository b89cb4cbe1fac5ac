using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Duende.IdentityModel.OidcClient;
using Duende.IdentityModel.OidcClient.Results;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KubeKey.Host.Login.Oidc;

/// <summary>
/// Validates ID tokens as OIDC Core §3.1.3.7 asks. The OIDC client calls it for every token it
/// receives; its own default checks nothing (REFERENCE.md §6), so this is the only gate.
/// </summary>
/// <remarks>
/// Signature against the provider's published keys with an asymmetric algorithm (never
/// <c>none</c>), <c>iss</c> equal to the discovered issuer, <c>aud</c> holding the client id,
/// <c>azp</c> equal to it when present or when there are several audiences, <c>exp</c> in the
/// future, <c>iat</c> not in the future, and the <c>nonce</c> of the login when one was sent.
/// </remarks>
internal sealed class IdTokenValidator : IIdentityTokenValidator
{
    /// <summary>The leeway for clocks that disagree a little.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private static readonly string[] AllowedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private readonly TimeProvider _clock;

    public IdTokenValidator(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>The nonce the token must carry; null when none was sent (a refresh).</summary>
    public string? ExpectedNonce { get; set; }

    /// <summary>Why the last token was refused, in words for the person; null when it passed.</summary>
    public string? LastFailure { get; private set; }

    public async Task<IdentityTokenValidationResult> ValidateAsync(
        string identityToken, OidcClientOptions options, CancellationToken cancellationToken = default)
    {
        var issuer = options.ProviderInformation.IssuerName;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = options.ClientId,
            IssuerSigningKeys = SigningKeys(options.ProviderInformation.KeySet),
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidateLifetime,
            TryAllIssuerSigningKeys = true,
        };

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(identityToken, parameters)
            .ConfigureAwait(false);
        if (!result.IsValid)
        {
            var signature = result.Exception is SecurityTokenSignatureKeyNotFoundException
                or SecurityTokenInvalidSignatureException;
            return Fail(
                Describe(result.Exception, issuer, identityToken),
                signature ? "invalid_signature" : "invalid_id_token");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var problem = CheckAuthorizedParty(jwt, options.ClientId) ?? CheckIssuedAt(jwt) ?? CheckNonce(jwt);
        if (problem is not null)
        {
            return Fail(problem, "invalid_id_token");
        }

        LastFailure = null;
        return new IdentityTokenValidationResult
        {
            User = new ClaimsPrincipal(result.ClaimsIdentity),
            SignatureAlgorithm = jwt.Alg,
        };
    }

    private IdentityTokenValidationResult Fail(string why, string error)
    {
        LastFailure = why;
        return new IdentityTokenValidationResult { Error = error };
    }

    private bool ValidateLifetime(
        DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        if (expires is null || expires.Value + ClockSkew <= now)
        {
            throw new SecurityTokenExpiredException($"it expired at {expires:u}") { Expires = expires ?? default };
        }

        if (notBefore is not null && notBefore.Value - ClockSkew > now)
        {
            throw new SecurityTokenNotYetValidException($"it is not valid before {notBefore:u}");
        }

        return true;
    }

    private static string? CheckAuthorizedParty(JsonWebToken jwt, string clientId)
    {
        jwt.TryGetPayloadValue<string>("azp", out var azp);
        if (azp is not null && azp != clientId)
        {
            return $"its authorized party (azp) is '{azp}', not '{clientId}'";
        }

        return azp is null && jwt.Audiences.Count() > 1
            ? "it names several audiences but no authorized party (azp)"
            : null;
    }

    private string? CheckIssuedAt(JsonWebToken jwt)
    {
        if (!jwt.TryGetPayloadValue<long>("iat", out var iat))
        {
            return "it has no issued-at time (iat)";
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(iat);
        return issuedAt - ClockSkew > _clock.GetUtcNow()
            ? $"it claims to be issued in the future ({issuedAt:u}); check this machine's clock"
            : null;
    }

    private string? CheckNonce(JsonWebToken jwt)
    {
        if (ExpectedNonce is null)
        {
            return null;
        }

        if (!jwt.TryGetPayloadValue<string>("nonce", out var nonce) || string.IsNullOrEmpty(nonce))
        {
            return "it carries no nonce, though the login sent one";
        }

        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(ExpectedNonce));
        return matches ? null : "its nonce is not the one the login sent (a replayed or foreign token)";
    }

    private static List<SecurityKey> SigningKeys(Duende.IdentityModel.Jwk.JsonWebKeySet? keySet) =>
        keySet?.Keys?.Select(key => (SecurityKey)new JsonWebKey
        {
            Kty = key.Kty,
            Kid = key.Kid,
            Alg = key.Alg,
            Use = key.Use,
            N = key.N,
            E = key.E,
            Crv = key.Crv,
            X = key.X,
            Y = key.Y,
        }).ToList() ?? [];

    private static string Describe(Exception? e, string issuer, string identityToken) => e switch
    {
        SecurityTokenInvalidIssuerException invalid =>
            $"its issuer is '{invalid.InvalidIssuer}', not '{issuer}'",
        SecurityTokenInvalidAudienceException =>
            $"it was issued for '{string.Join("', '", new JsonWebToken(identityToken).Audiences)}', "
                + "not for this client",
        SecurityTokenExpiredException or SecurityTokenNotYetValidException => e.Message,
        SecurityTokenInvalidAlgorithmException or SecurityTokenInvalidSignatureException
            or SecurityTokenSignatureKeyNotFoundException =>
            "its signature does not verify against the provider's keys",
        SecurityTokenMalformedException => "it is not a well-formed JWT",
        null => "it did not validate",
        _ => $"it did not validate ({e.GetType().Name})",
    };
}
