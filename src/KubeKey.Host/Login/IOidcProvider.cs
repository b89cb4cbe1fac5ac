namespace KubeKey.Host.Login;

/// <summary>
/// The OpenID provider as the login sees it: kubekey's seam over the OIDC client library, so a
/// change of library touches the one folder that implements it.
/// </summary>
internal interface IOidcProvider
{
    /// <summary>The issuer as configured, for messages.</summary>
    string Issuer { get; }

    /// <summary>
    /// Discovers the provider and prepares an authorization request with PKCE (S256), state and
    /// nonce, pushed to the provider first when it advertises PAR (RFC 9126).
    /// </summary>
    /// <exception cref="LoginException">The provider cannot be reached or its discovery is invalid.</exception>
    Task<AuthorizationRequest> PrepareLoginAsync(
        Uri redirectUri, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken);

    /// <summary>
    /// Exchanges the code in <paramref name="callbackTarget"/> (the callback's path and query as
    /// the browser sent them) and validates the ID token in full, the nonce included.
    /// </summary>
    /// <exception cref="LoginException">The exchange failed or the ID token is not valid.</exception>
    Task<IssuedTokens> RedeemAsync(
        AuthorizationRequest request,
        string callbackTarget,
        CancellationToken cancellationToken);

    /// <summary>
    /// Uses <paramref name="refreshToken"/> for new tokens. A new ID token is validated in full and
    /// must keep the <c>iss</c>, <c>sub</c> and <c>aud</c> of <paramref name="previousSubject"/>'s
    /// login (OIDC Core §12.2). Failures are returned, not thrown, except an unreachable provider.
    /// </summary>
    /// <exception cref="LoginException">The provider cannot be reached.</exception>
    Task<RefreshOutcome> RefreshAsync(
        string refreshToken,
        string? previousSubject,
        CancellationToken cancellationToken);
}
