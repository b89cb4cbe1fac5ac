namespace KubeKey.EndToEnd.Tests.Support;

/// <summary>
/// A fault tests/e2e/provider.mjs builds into the ID tokens it issues. The token is re-signed with
/// the provider's own key after the change, so only the named check can reject it.
/// </summary>
internal enum IdTokenFault
{
    /// <summary>Tokens are issued untouched.</summary>
    None,

    /// <summary><c>iss</c> names another issuer.</summary>
    WrongIssuer,

    /// <summary><c>aud</c> names another client.</summary>
    WrongAudience,

    /// <summary><c>aud</c> holds the client and another one, with no <c>azp</c>.</summary>
    ExtraAudienceNoAzp,

    /// <summary><c>exp</c> ten minutes in the past.</summary>
    Expired,

    /// <summary><c>iat</c> an hour in the future.</summary>
    FutureIat,

    /// <summary><c>nonce</c> differs from the one the client sent.</summary>
    WrongNonce,

    /// <summary><c>nonce</c> is left out.</summary>
    MissingNonce,

    /// <summary>Signed with a key that is not in the provider's JWKS, under the same <c>kid</c>.</summary>
    BadSignature,

    /// <summary>Header <c>alg: none</c> and no signature.</summary>
    AlgNone,
}
