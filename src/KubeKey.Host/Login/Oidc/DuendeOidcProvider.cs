using System.Buffers.Text;
using System.Security.Cryptography;
using Duende.IdentityModel.Client;
using Duende.IdentityModel.OidcClient;
using KubeKey.Core.Settings;
using Serilog;

namespace KubeKey.Host.Login.Oidc;

/// <summary><see cref="IOidcProvider"/> on Duende.IdentityModel.OidcClient.</summary>
/// <remarks>
/// The library does discovery, PKCE, PAR, the code exchange and refresh; kubekey adds what it
/// lacks (REFERENCE.md §6): a real ID token validator, the nonce, and the check that a refreshed
/// token belongs to the same login.
/// </remarks>
internal sealed class DuendeOidcProvider : IOidcProvider
{
    private static readonly TimeSpan BackchannelTimeout = TimeSpan.FromSeconds(30);

    private readonly KubeKeySettings _settings;
    private readonly HttpMessageHandler _http;
    private readonly TextWriter _stderr;
    private readonly ILogger _log;
    private readonly IdTokenValidator _validator;
    private OidcClient? _client;

    public DuendeOidcProvider(
        KubeKeySettings settings, HttpMessageHandler http, TimeProvider clock, TextWriter stderr, ILogger log)
    {
        _settings = settings;
        _http = http;
        _stderr = stderr;
        _log = log;
        _validator = new IdTokenValidator(clock);
    }

    public string Issuer => _settings.IssuerUrl!;

    public async Task<AuthorizationRequest> PrepareLoginAsync(
        Uri redirectUri, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var client = Client();
        client.Options.RedirectUri = redirectUri.AbsoluteUri;
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var front = new Parameters(parameters) { { "nonce", nonce } };

        var state = await CallAsync(() => client.PrepareLoginAsync(front, cancellationToken)).ConfigureAwait(false);
        if (state.IsError)
        {
            throw LoginException.ProviderUnreachable(Issuer, $"{state.Error} ({state.ErrorDescription})");
        }

        _log.Debug("Prepared the authorization request (PKCE S256, state, nonce)");
        return new AuthorizationRequest(new Uri(state.StartUrl), state.State, nonce, state);
    }

    public async Task<IssuedTokens> RedeemAsync(
        AuthorizationRequest request, string callbackTarget, CancellationToken cancellationToken)
    {
        var client = Client();
        _validator.ExpectedNonce = request.Nonce;
        var result = await CallAsync(
            () => client.ProcessResponseAsync(callbackTarget, (AuthorizeState)request.Handle, null, cancellationToken))
            .ConfigureAwait(false);

        if (_validator.LastFailure is { } refused)
        {
            throw LoginException.InvalidIdToken(Issuer, refused);
        }

        if (result.IsError)
        {
            throw LoginException.ExchangeFailed(Issuer, Describe(result.Error, result.ErrorDescription));
        }

        if (string.IsNullOrEmpty(result.IdentityToken))
        {
            throw LoginException.NoIdToken(Issuer);
        }

        return new IssuedTokens(result.IdentityToken, result.RefreshToken, IdTokenClaims.Read(result.IdentityToken));
    }

    public async Task<RefreshOutcome> RefreshAsync(
        string refreshToken, string? previousSubject, CancellationToken cancellationToken)
    {
        var client = Client();
        _validator.ExpectedNonce = null;
        var result = await CallAsync(() => client.RefreshTokenAsync(refreshToken, null, null, cancellationToken))
            .ConfigureAwait(false);

        if (_validator.LastFailure is { } refused)
        {
            return RefreshOutcome.Failed($"the new ID token was refused: {refused}");
        }

        if (result.IsError)
        {
            return RefreshOutcome.Failed(Describe(result.Error, result.ErrorDescription));
        }

        // The answer may rotate the refresh token; an unchanged one is not stored again.
        var rotated = string.IsNullOrEmpty(result.RefreshToken) ? refreshToken : result.RefreshToken;
        if (string.IsNullOrEmpty(result.IdentityToken))
        {
            return RefreshOutcome.WithoutIdToken(rotated);
        }

        var claims = IdTokenClaims.Read(result.IdentityToken);
        if (previousSubject is not null && claims.Subject != previousSubject)
        {
            return RefreshOutcome.Failed("the new ID token names another subject (sub) than the login did");
        }

        return RefreshOutcome.Refreshed(new IssuedTokens(result.IdentityToken, rotated, claims));
    }

    // One client per run: the discovery it loads serves the refresh and the login after it. The
    // redirect URI is known only once the listener is bound, so the login sets it then.
    private OidcClient Client()
    {
        if (_client is not null)
        {
            return _client;
        }

        var options = new OidcClientOptions
        {
            Authority = Issuer,
            ClientId = _settings.ClientId!,
            ClientSecret = string.IsNullOrEmpty(_settings.ClientSecret) ? null : _settings.ClientSecret,
            Scope = string.Join(' ', _settings.Scopes),
            LoadProfile = false,
            FilterClaims = false,
            BackchannelHandler = _http,
            BackchannelTimeout = BackchannelTimeout,
            IdentityTokenValidator = _validator,
            LoggerFactory = new CappedLoggerFactory(_log),

            // A confidential client sends its secret in the form (client_secret_post), which every
            // provider accepts; node oidc-provider's default matches.
            TokenClientCredentialStyle = ClientCredentialStyle.PostBody,
        };
        options.Policy.RequireIdentityTokenSignature = true;
        options.Policy.RequireAccessTokenHash = false;
        _client = new OidcClient(options);
        return _client;
    }

    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        using var notice = SlowWaitNotice.Start(_stderr, $"{Issuer} to answer", BackchannelTimeout);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("discovery", StringComparison.OrdinalIgnoreCase))
        {
            throw LoginException.ProviderUnreachable(Issuer, DiscoveryFailure(e), e);
        }
        catch (HttpRequestException e)
        {
            throw LoginException.ProviderUnreachable(Issuer, e.Message, e);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            throw LoginException.ProviderUnreachable(
                Issuer, $"it did not answer within {BackchannelTimeout.TotalSeconds:0} s", e);
        }
    }

    private static string DiscoveryFailure(InvalidOperationException e)
    {
        // The library's message is "Error loading discovery document: <why>"; the cause is the news.
        var colon = e.Message.IndexOf(':', StringComparison.Ordinal);
        return "its discovery document could not be loaded ("
            + (colon >= 0 ? e.Message[(colon + 1)..].Trim() : e.Message) + ")";
    }

    private static string Describe(string error, string? description) =>
        string.IsNullOrWhiteSpace(description) ? error : $"{error} ({description})";
}
