using System.Text.Json.Nodes;

namespace KubeKey.EndToEnd.Tests.Support;

/// <summary>
/// How <see cref="OidcProvider"/> starts tests/e2e/provider.mjs. The defaults are the script's; the
/// README in tests/e2e describes each setting.
/// </summary>
internal sealed record OidcProviderOptions
{
    /// <summary>Lifetime of issued ID tokens; short ones (e.g. 30 s) drive refresh tests.</summary>
    public TimeSpan IdTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Lifetime of issued access tokens.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Lifetime of refresh tokens and of the grant behind them.</summary>
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Whether every refresh answers with a new refresh token and retires the old one.</summary>
    public bool RotateRefreshTokens { get; init; } = true;

    /// <summary>Whether discovery advertises PAR (the Duende client pushes whenever it is advertised).</summary>
    public bool PushedAuthorizationRequests { get; init; } = true;

    /// <summary>Gives every account a <c>name</c> holding HTML, for escaping tests.</summary>
    public bool HtmlName { get; init; }

    /// <summary>Drops <c>id_token</c> from refresh answers (allowed by OIDC Core §12.2).</summary>
    public bool RefreshOmitsIdToken { get; init; }

    /// <summary>A fault built into issued ID tokens.</summary>
    public IdTokenFault IdTokenFault { get; init; } = IdTokenFault.None;

    /// <summary>
    /// Which grant's ID tokens get <see cref="IdTokenFault"/>: <c>any</c>, <c>authorization_code</c>
    /// or <c>refresh_token</c>.
    /// </summary>
    public string IdTokenFaultGrant { get; init; } = "any";

    /// <summary>The <c>error</c> the consent page's cancel link answers with; null keeps access_denied.</summary>
    public string? AbortError { get; init; }

    /// <summary>The <c>error_description</c> sent with <see cref="AbortError"/>.</summary>
    public string? AbortErrorDescription { get; init; }

    /// <summary>Replaces <c>state</c> on the redirect to the client, for state-mismatch tests.</summary>
    public string? CallbackState { get; init; }

    /// <summary>Replaces the RFC 9207 <c>iss</c> on the redirect to the client, for mix-up tests.</summary>
    public string? CallbackIssuer { get; init; }

    /// <summary>How the confidential client authenticates: client_secret_post or client_secret_basic.</summary>
    public string ConfidentialAuthMethod { get; init; } = "client_secret_post";

    /// <summary>The port to bind on 127.0.0.1; 0 picks an ephemeral one.</summary>
    public int Port { get; init; }

    /// <summary>The provider exits by itself after this long, whatever happens to the test.</summary>
    public TimeSpan MaxLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Serve https with a certificate from a private CA (<see cref="OidcProvider.CaFile"/>).</summary>
    public bool Https { get; init; }

    /// <summary>How long to wait for the provider to listen.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The settings as the JSON provider.mjs reads from KUBEKEY_TEST_PROVIDER_CONFIG.</summary>
    internal string ToSettingsJson(string confidentialClientSecret)
    {
        var settings = new JsonObject
        {
            ["confidentialClientSecret"] = confidentialClientSecret,
            ["confidentialAuthMethod"] = ConfidentialAuthMethod,
            ["idTokenTtl"] = Seconds(IdTokenLifetime),
            ["accessTokenTtl"] = Seconds(AccessTokenLifetime),
            ["refreshTokenTtl"] = Seconds(RefreshTokenLifetime),
            ["rotateRefreshToken"] = RotateRefreshTokens,
            ["pushedAuthorizationRequests"] = PushedAuthorizationRequests,
            ["htmlName"] = HtmlName,
            ["refreshOmitsIdToken"] = RefreshOmitsIdToken,
            ["idTokenTamper"] = FaultName(IdTokenFault),
            ["idTokenTamperGrant"] = IdTokenFaultGrant,
            ["abortError"] = AbortError ?? "",
            ["abortErrorDescription"] = AbortErrorDescription ?? "",
            ["callbackState"] = CallbackState ?? "",
            ["callbackIssuer"] = CallbackIssuer ?? "",
            ["https"] = Https,
        };
        return settings.ToJsonString();
    }

    private static int Seconds(TimeSpan span) => (int)Math.Ceiling(span.TotalSeconds);

    private static string FaultName(IdTokenFault fault) => fault switch
    {
        IdTokenFault.None => "none",
        IdTokenFault.WrongIssuer => "wrong-issuer",
        IdTokenFault.WrongAudience => "wrong-audience",
        IdTokenFault.ExtraAudienceNoAzp => "extra-audience-no-azp",
        IdTokenFault.Expired => "expired",
        IdTokenFault.FutureIat => "future-iat",
        IdTokenFault.WrongNonce => "wrong-nonce",
        IdTokenFault.MissingNonce => "missing-nonce",
        IdTokenFault.BadSignature => "bad-signature",
        IdTokenFault.AlgNone => "alg-none",
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Unknown ID token fault."),
    };
}
