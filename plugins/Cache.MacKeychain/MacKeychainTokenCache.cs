using System.Security.Cryptography;
using KubeKey.Abstractions;

namespace KubeKey.Cache.MacKeychain;

/// <summary>
/// The token cache on the macOS keychain: one generic password item per entry (service from
/// <see cref="MacKeychainOptions.Service"/>, account = the cache key value, label =
/// <see cref="CacheKey.Label"/>), replaced in one SecItemUpdate. Also reads the items the Go
/// kubekey left through go-keyring.
/// </summary>
/// <remarks>
/// Every call runs under <see cref="MacKeychainOptions.Timeout"/>: macOS may hold a call while a
/// prompt waits for a person, and kubectl must not hang behind it.
/// </remarks>
internal sealed class MacKeychainTokenCache : ITokenCache, ILegacyKeyringReader
{
    private readonly IKeychain _keychain;
    private readonly MacKeychainOptions _options;
    private readonly IPluginLog _log;

    public MacKeychainTokenCache(IKeychain keychain, MacKeychainOptions options, IPluginLog log)
    {
        _keychain = keychain;
        _options = options;
        _log = log;
    }

    public async ValueTask<TokenCacheEntry?> GetAsync(CacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);

        var found = await RunAsync(() => _keychain.Find(_options.Service, key.Value), cancellationToken)
            .ConfigureAwait(false);
        if (found.Status == KeychainStatus.ItemNotFound)
        {
            return null;
        }

        ThrowIfFailed(found.Status, "read", key.Label);
        var payload = found.Value ?? [];
        try
        {
            if (TokenCacheEntry.TryFromPayload(payload, out var entry))
            {
                return entry;
            }

            _log.Warning(
                $"The cached login for {key.Label} in the macOS keychain is not a cache entry this version of "
                + "kubekey can read; kubekey ignores it and the next login replaces it.");
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }
    }

    public async ValueTask StoreAsync(CacheKey key, TokenCacheEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);

        var payload = entry.ToPayload();
        try
        {
            var status = await RunAsync(() => Upsert(key, payload), cancellationToken).ConfigureAwait(false);
            ThrowIfFailed(status, "store", key.Label);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }
    }

    public async ValueTask<bool> RemoveAsync(CacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);

        var status = await RunAsync(() => _keychain.Delete(_options.Service, key.Value), cancellationToken)
            .ConfigureAwait(false);
        if (status == KeychainStatus.ItemNotFound)
        {
            return false;
        }

        ThrowIfFailed(status, "remove", key.Label);
        return true;
    }

    public async ValueTask<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var found = await RunAsync(() => _keychain.ListAccounts(_options.Service), cancellationToken)
            .ConfigureAwait(false);
        if (found.Status == KeychainStatus.ItemNotFound)
        {
            return [];
        }

        ThrowIfFailed(found.Status, "list", $"service \"{_options.Service}\"");

        // Someone else's item under the same service is not a cache entry.
        return [.. (found.Value ?? []).Where(a => a.Length > 0 && a.All(char.IsAsciiHexDigitLower))];
    }

    public async ValueTask<string?> ReadLegacySecretAsync(
        string service,
        string account,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(account);

        var item = $"service \"{service}\" and account \"{account}\"";
        var found = await RunAsync(() => _keychain.Find(service, account), cancellationToken).ConfigureAwait(false);
        if (found.Status == KeychainStatus.ItemNotFound)
        {
            return null;
        }

        ThrowIfFailed(found.Status, "read", item);
        var stored = found.Value ?? [];
        try
        {
            if (GoKeyringSecret.TryDecode(stored, out var secret))
            {
                return secret;
            }

            _log.Warning(
                $"The keychain item with {item}, left by the previous kubekey, cannot be decoded; ignoring it.");
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(stored);
        }
    }

    // Update first: replacing a token is the common case, and it keeps the item's access list.
    private int Upsert(CacheKey key, byte[] payload)
    {
        var status = _keychain.Update(_options.Service, key.Value, key.Label, payload);
        if (status != KeychainStatus.ItemNotFound)
        {
            return status;
        }

        status = _keychain.Add(_options.Service, key.Value, key.Label, payload);

        // Another process added the item between the two calls: replace what it wrote.
        return status == KeychainStatus.DuplicateItem
            ? _keychain.Update(_options.Service, key.Value, key.Label, payload)
            : status;
    }

    private async ValueTask<T> RunAsync<T>(Func<T> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(operation, cancellationToken)
                .WaitAsync(_options.Timeout, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw KeychainErrors.TimedOut(_options.Timeout);
        }
    }

    private static void ThrowIfFailed(int status, string operation, string item)
    {
        if (status != KeychainStatus.Success)
        {
            throw KeychainErrors.For(status, operation, item);
        }
    }
}
