using Microsoft.IdentityModel.JsonWebTokens;

namespace KubeKey.Host.Login;

/// <summary>
/// What kubekey reads from an ID token that was already validated: when it expires, whose it
/// is, and the profile claims the success page may show. It never holds the token itself.
/// </summary>
internal sealed record IdTokenClaims(
    string Issuer,
    string? Subject,
    IReadOnlyList<string> Audiences,
    DateTimeOffset ExpiresAt,
    string? Name,
    string? Email,
    string? PreferredUsername,
    string? Picture)
{
    /// <summary>Reads the claims of a validated token.</summary>
    /// <exception cref="ArgumentException">The text is not a JWT.</exception>
    public static IdTokenClaims Read(string idToken)
    {
        var jwt = new JsonWebToken(idToken);
        return new IdTokenClaims(
            jwt.Issuer,
            Claim(jwt, "sub"),
            [.. jwt.Audiences],
            new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero),
            Claim(jwt, "name"),
            Claim(jwt, "email"),
            Claim(jwt, "preferred_username"),
            Claim(jwt, "picture"));
    }

    private static string? Claim(JsonWebToken jwt, string type) =>
        jwt.TryGetPayloadValue<string>(type, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
