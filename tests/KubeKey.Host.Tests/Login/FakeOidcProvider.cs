using KubeKey.Host.Login;

namespace KubeKey.Host.Tests.Login;

/// <summary>An <see cref="IOidcProvider"/> that issues fixed tokens and records what it was asked.</summary>
internal sealed class FakeOidcProvider : IOidcProvider
{
    public const string State = "state-0123456789abcdef0123456789abcdef";
    public static readonly Uri AuthorizeUrl = new("https://issuer.example/authorize?request_uri=urn:x");

    public string Issuer => "https://issuer.example";

    /// <summary>The redirect URI the login prepared the request with.</summary>
    public Uri? RedirectUri { get; private set; }

    /// <summary>The callback targets handed to <see cref="RedeemAsync"/>.</summary>
    public List<string> Redeemed { get; } = [];

    public Task<AuthorizationRequest> PrepareLoginAsync(
        Uri redirectUri, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        RedirectUri = redirectUri;
        return Task.FromResult(new AuthorizationRequest(AuthorizeUrl, State, "nonce-1", new object()));
    }

    public Task<IssuedTokens> RedeemAsync(
        AuthorizationRequest request, string callbackTarget, CancellationToken cancellationToken)
    {
        Redeemed.Add(callbackTarget);
        var claims = new IdTokenClaims(
            Issuer, "alice", ["kubectl"], DateTimeOffset.UtcNow.AddHours(1), "Alice", null, null, null);
        return Task.FromResult(new IssuedTokens("id-token", "refresh-token", claims));
    }

    public Task<RefreshOutcome> RefreshAsync(
        string refreshToken, string? previousSubject, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The browser login never refreshes.");
}
