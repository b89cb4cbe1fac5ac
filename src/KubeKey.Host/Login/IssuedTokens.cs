namespace KubeKey.Host.Login;

/// <summary>Tokens the provider issued and kubekey validated. Both token strings are secrets.</summary>
/// <param name="IdToken">The validated ID token.</param>
/// <param name="RefreshToken">The refresh token, or null when the provider issued none.</param>
/// <param name="Claims">What the ID token says.</param>
internal sealed record IssuedTokens(string IdToken, string? RefreshToken, IdTokenClaims Claims)
{
    public override string ToString() => $"IssuedTokens {{ Issuer = {Claims.Issuer}, Subject = {Claims.Subject} }}";
}
