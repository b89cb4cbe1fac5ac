using KubeKey.Abstractions;
using KubeKey.Core.Caching;
using KubeKey.Core.Settings;
using Serilog;

namespace KubeKey.Host.Caching;

/// <summary>
/// Takes over a still-valid token the original Go kubekey left in the same keyring, so a person
/// who upgrades does not have to log in again. Called on a cache miss.
/// </summary>
/// <remarks>
/// The Go kubekey kept one keyring item per client and issuer: service
/// <see cref="LegacyService"/>, account <c>CLIENT_ID@IDP_ISSUER_URL</c> as configured, value
/// <c>&lt;token&gt;.&lt;unix expiry seconds&gt;</c>. A token taken over is stored as a normal
/// kubekey entry, without a refresh token (the Go kubekey kept none). The item itself is left
/// alone, so downgrading still works. Nothing here ever fails the run: a value that cannot be
/// used is ignored with a debug line, and the token is never logged.
/// </remarks>
internal sealed class LegacyTokenImport
{
    /// <summary>The service name of the Go kubekey's keyring items.</summary>
    public const string LegacyService = "github.com/metno/kubekey";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly ILogger _log;

    public LegacyTokenImport(ILogger log)
    {
        _log = log;
    }

    /// <summary>The Go kubekey's account name for a client at an issuer.</summary>
    public static string Account(string clientId, string issuerUrl) => clientId + "@" + issuerUrl;

    /// <summary>
    /// Reads the Go kubekey's item for the identity in <paramref name="settings"/> when
    /// <paramref name="cache"/> can (it implements <see cref="ILegacyKeyringReader"/>), and when it
    /// holds a token still usable at <paramref name="now"/>, stores it under <paramref name="key"/>.
    /// </summary>
    /// <returns>The entry taken over, or <see langword="null"/> when there is none to take.</returns>
    public async Task<TokenCacheEntry?> TryImportAsync(
        ITokenCache cache,
        KubeKeySettings settings,
        CacheKey key,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (cache is not ILegacyKeyringReader reader || settings.IssuerUrl is null || settings.ClientId is null)
        {
            return null;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        var account = Account(settings.ClientId, settings.IssuerUrl);
        var value = await ReadAsync(reader, account, deadline.Token).ConfigureAwait(false);
        if (value is null)
        {
            return null;
        }

        if (!LegacyKeyringValue.TryParse(value, out var legacy) || legacy is null)
        {
            _log.Debug("The Go kubekey's keyring item for {Account} is not '<token>.<expiry>'; ignored", account);
            return null;
        }

        var entry = new TokenCacheEntry(
            legacy.IdToken, null, legacy.ExpiresAt, settings.IssuerUrl, settings.ClientId, legacy.Subject(), now);
        if (!new ExpiryPolicy(settings.ExpiryMargin).IsUsable(entry, now))
        {
            _log.Debug(
                "The Go kubekey's token for {Account} expired at {Expiry:u}; ignored",
                account,
                legacy.ExpiresAt);
            return null;
        }

        await StoreAsync(cache, key, entry, deadline.Token).ConfigureAwait(false);
        _log.Information(
            "Took over the Go kubekey's token for {Issuer}, valid until {Expiry:u}", key.Issuer, legacy.ExpiresAt);
        return entry;
    }

    private async Task<string?> ReadAsync(
        ILegacyKeyringReader reader,
        string account,
        CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLegacySecretAsync(LegacyService, account, cancellationToken).AsTask()
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TokenCacheException e)
        {
            _log.Debug("Cannot read the Go kubekey's keyring item for {Account}: {Reason}", account, e.Message);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _log.Debug("The keyring did not hand over the Go kubekey's item for {Account} in time", account);
            return null;
        }
    }

    private async Task StoreAsync(
        ITokenCache cache,
        CacheKey key,
        TokenCacheEntry entry,
        CancellationToken cancellationToken)
    {
        try
        {
            await cache.StoreAsync(key, entry, cancellationToken).AsTask().WaitAsync(cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TokenCacheException e)
        {
            // The token still serves this run; the next miss reads the old item again.
            _log.Warning("Cannot store the token taken over from the Go kubekey: {Reason}", e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _log.Warning("The token cache did not store the token taken over from the Go kubekey in time");
        }
    }
}
