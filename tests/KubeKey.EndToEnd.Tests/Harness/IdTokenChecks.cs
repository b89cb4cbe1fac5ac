using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KubeKey.EndToEnd.Tests.Harness;

/// <summary>
/// The ID token checks of OIDC Core §3.1.3.7, each run on its own, so a test can show that a token
/// breaks exactly the rule it was made to break.
/// </summary>
internal static class IdTokenChecks
{
    /// <summary>The names of the failed checks: signature, iss, aud, azp, exp, iat, nonce.</summary>
    public static async Task<IReadOnlyList<string>> FailuresAsync(
        string idToken, string jwks, string issuer, string clientId, string nonce)
    {
        var failures = new List<string>();
        var token = new JsonWebToken(idToken);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var signature = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireSignedTokens = true,
        });
        if (!signature.IsValid)
        {
            failures.Add("signature");
        }

        if (token.Issuer != issuer)
        {
            failures.Add("iss");
        }

        var audiences = token.Audiences.ToList();
        if (!audiences.Contains(clientId))
        {
            failures.Add("aud");
        }

        token.TryGetPayloadValue<string>("azp", out var azp);
        if (audiences.Count > 1 && azp != clientId)
        {
            failures.Add("azp");
        }

        if (!token.TryGetPayloadValue<long>("exp", out var exp) || exp <= now)
        {
            failures.Add("exp");
        }

        // A little skew tolerance, as a real client has.
        if (!token.TryGetPayloadValue<long>("iat", out var iat) || iat > now + 60)
        {
            failures.Add("iat");
        }

        if (!token.TryGetPayloadValue<string>("nonce", out var sent) || sent != nonce)
        {
            failures.Add("nonce");
        }

        return failures;
    }
}
