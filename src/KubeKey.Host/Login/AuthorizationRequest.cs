namespace KubeKey.Host.Login;

/// <summary>
/// One prepared authorization request: where to send the browser and what the callback must
/// carry back. <see cref="State"/> and the verifier inside <see cref="Handle"/> are secrets.
/// </summary>
/// <param name="StartUrl">The provider's authorization URL for this request.</param>
/// <param name="State">The state sent, to compare with the callback's.</param>
/// <param name="Nonce">The nonce sent, which the ID token must echo.</param>
/// <param name="Handle">What the OIDC client needs to finish this request.</param>
internal sealed record AuthorizationRequest(Uri StartUrl, string State, string Nonce, object Handle)
{
    public override string ToString() => "AuthorizationRequest";
}
