using KubeKey.Abstractions;
using KubeKey.Core.Caching;
using KubeKey.Core.Exec;
using KubeKey.Core.Settings;
using KubeKey.Host.Caching;
using KubeKey.Host.Login.Oidc;
using KubeKey.Host.Plugins;
using Serilog;

namespace KubeKey.Host.Login;

/// <summary>
/// What get-token does when the cache cannot answer: under the login lock, look again, refresh
/// when a refresh token exists, otherwise log in through the browser, then store the new tokens.
/// </summary>
/// <remarks>
/// Nothing here deletes a cache entry: a failed refresh or login leaves the cached token as it
/// was, so a token that still works keeps working. The lock wait, every provider call and the
/// login itself are bounded in time.
/// </remarks>
internal sealed class TokenRenewal
{
    private static readonly TimeSpan LockSlack = TimeSpan.FromSeconds(30);

    // A kept token is reported to expire this much before it does, for servers whose clock runs ahead.
    private static readonly TimeSpan KeptTokenSkew = TimeSpan.FromSeconds(30);

    private readonly KubeKeySettings _settings;
    private readonly ExecInfo _exec;
    private readonly HostEnvironment _environment;
    private readonly PluginCatalog _catalog;
    private readonly CacheAccess _cache;
    private readonly ILogger _log;

    public TokenRenewal(
        KubeKeySettings settings,
        ExecInfo exec,
        HostEnvironment environment,
        PluginCatalog catalog,
        CacheAccess cache,
        ILogger log)
    {
        _settings = settings;
        _exec = exec;
        _environment = environment;
        _catalog = catalog;
        _cache = cache;
        _log = log;
    }

    /// <summary>
    /// Returns a usable entry for <paramref name="key"/>, renewed and stored. When renewal fails
    /// while the cached token has not yet expired (it is only inside its margin), that token is
    /// kept and reported with its real expiry, with a warning: kubectl keeps working until the
    /// provider is back. <c>--force-refresh</c> asks for a new token, so then the failure stands.
    /// </summary>
    /// <exception cref="LoginException">No valid token could be had.</exception>
    public async Task<RenewedToken> RenewAsync(CacheKey key, CancellationToken cancellationToken)
    {
        var lockPath = Path.Combine(_settings.CacheDirectory, key.Value + ".lock");
        using var held = await LoginLock.AcquireAsync(
            lockPath, _settings.LoginTimeout + LockSlack, _environment.Stderr, _log, cancellationToken)
            .ConfigureAwait(false);

        // Another kubekey may have renewed the token while this one waited for the lock.
        var entry = await _cache.GetAsync(key).ConfigureAwait(false);
        var policy = new ExpiryPolicy(_settings.ExpiryMargin);
        if (entry is not null && !_settings.ForceRefresh && policy.IsUsable(entry, _environment.Clock.GetUtcNow()))
        {
            _log.Information("Another kubekey renewed the token for {Issuer} meanwhile", key.Issuer);
            return new RenewedToken(entry, policy.ReportedExpiry(entry));
        }

        try
        {
            var renewed = await RenewEntryAsync(key, entry, cancellationToken).ConfigureAwait(false);
            return new RenewedToken(renewed, policy.ReportedExpiry(renewed));
        }
        catch (LoginException e) when (Keepable(entry) is { } kept)
        {
            _log.Warning(
                "The token for {Issuer} could not be renewed: {Reason} Using the cached token, valid until {Expiry:u}",
                key.Issuer, e.Message, kept.ExpiresAt);
            return new RenewedToken(kept, kept.ExpiresAt - KeptTokenSkew);
        }
    }

    private TokenCacheEntry? Keepable(TokenCacheEntry? entry) =>
        entry is not null && !_settings.ForceRefresh && _environment.Clock.GetUtcNow() < entry.ExpiresAt - KeptTokenSkew
            ? entry
            : null;

    private async Task<TokenCacheEntry> RenewEntryAsync(
        CacheKey key, TokenCacheEntry? entry, CancellationToken cancellationToken)
    {
        using var http = Net.ProviderHttp.CreateHandler(_settings);
        var provider = new DuendeOidcProvider(_settings, http, _environment.Clock, _environment.Stderr, _log);
        var tokens = entry?.RefreshToken is { } refreshToken
            ? await RefreshAsync(provider, key, entry, refreshToken, cancellationToken).ConfigureAwait(false)
            : null;
        tokens ??= await LoginAsync(provider, cancellationToken).ConfigureAwait(false);

        var renewed = new TokenCacheEntry(
            tokens.IdToken,
            tokens.RefreshToken,
            tokens.Claims.ExpiresAt,
            _settings.IssuerUrl!,
            _settings.ClientId!,
            tokens.Claims.Subject,
            _environment.Clock.GetUtcNow());
        await StoreAsync(key, renewed).ConfigureAwait(false);
        return renewed;
    }

    private async Task<IssuedTokens?> RefreshAsync(
        IOidcProvider provider,
        CacheKey key,
        TokenCacheEntry entry,
        string refreshToken,
        CancellationToken cancellationToken)
    {
        _log.Information("Refreshing the token for {Issuer}", key.Issuer);
        var outcome = await provider.RefreshAsync(refreshToken, entry.Subject, cancellationToken).ConfigureAwait(false);
        if (outcome.Tokens is { } tokens)
        {
            _log.Information("Refreshed; the new token is valid until {Expiry:u}", tokens.Claims.ExpiresAt);
            return tokens;
        }

        if (outcome.MissingIdToken)
        {
            // The old refresh token may be retired already: keep the rotated one before the
            // browser login, so a login that fails still leaves a working refresh token behind.
            if (outcome.RotatedRefreshToken is { } rotated && rotated != refreshToken)
            {
                await StoreAsync(key, new TokenCacheEntry(
                    entry.IdToken, rotated, entry.ExpiresAt,
                    entry.Issuer, entry.ClientId, entry.Subject, entry.StoredAt))
                    .ConfigureAwait(false);
            }

            await _environment.Stderr.WriteLineAsync(
                "kubekey: the provider renewed the login without a new ID token; logging in through the browser.")
                .ConfigureAwait(false);
            return null;
        }

        _log.Warning(
            "The token for {Issuer} could not be refreshed ({Reason}); logging in again",
            key.Issuer,
            outcome.Failure);
        return null;
    }

    private async Task<IssuedTokens> LoginAsync(IOidcProvider provider, CancellationToken cancellationToken)
    {
        var pages = new LoginPages(OpenTemplates, provider.Issuer, _exec.ClusterServer, _log);
        var login = new BrowserLogin(_settings, provider, OpenBrowser, pages, _environment.Stderr, _log);
        return await login.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task StoreAsync(CacheKey key, TokenCacheEntry entry)
    {
        try
        {
            await _cache.StoreAsync(key, entry).ConfigureAwait(false);
            _log.Information("Stored the token in the {Cache} cache", _cache.Name);
        }
        catch (Exception e) when (e is TokenCacheException or Core.Errors.KubeKeyException)
        {
            // The token is good; failing to keep it costs a login next time, not this command.
            _log.Warning("The token could not be cached ({Reason}); kubekey will log in again next time", e.Message);
        }
    }

    private IBrowserLauncher? OpenBrowser() =>
        OpenPlugin(PluginSlot.Browser, _settings.Browser, (registry, context) => registry.BrowserLauncher!(context));

    private ITemplateRenderer? OpenTemplates() =>
        OpenPlugin(
            PluginSlot.Templates,
            _settings.Templates,
            (registry, context) => registry.TemplateRenderer!(context));

    private T? OpenPlugin<T>(PluginSlot slot, string name, Func<PluginRegistry, IPluginContext, T> create)
        where T : class
    {
        try
        {
            var plugin = _catalog.Load(slot, name);
            _log.Debug("{Slot} plugin: {Plugin} {Version}", slot, plugin.Metadata.Name, plugin.Metadata.Version);
            var context = PluginContext.For(
                plugin, _settings, _exec.Interactive, _log, _environment.GetEnvironmentVariable);
            return create(plugin.Registry, context);
        }
        catch (PluginException e)
        {
            // The login still works without either plugin: the URL is printed, the page is plain.
            _log.Warning("{Message}", e.Message);
            return null;
        }
    }
}
