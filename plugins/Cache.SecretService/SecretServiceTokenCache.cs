using System.Collections.Concurrent;
using System.Text;
using KubeKey.Abstractions;
using KubeKey.Cache.SecretService.Interop;

namespace KubeKey.Cache.SecretService;

/// <summary>
/// Keeps each cached login as one item in the default collection of the freedesktop Secret
/// Service (GNOME Keyring, KWallet, KeePassXC), found by its attributes and labelled for people.
/// </summary>
/// <remarks>
/// One connection and session are opened on first use and reused. A cache hit costs four round
/// trips: connect, open the session, search, read the secret.
/// </remarks>
internal sealed class SecretServiceTokenCache : ITokenCache, ILegacyKeyringReader, ITokenCacheProbe, IDisposable
{
    private readonly IPluginContext _context;
    private readonly SecretServiceTimeouts _timeouts;
    private readonly KeyringUnlocker _unlocker;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly ConcurrentDictionary<string, bool> _reportedUnreadable = new(StringComparer.Ordinal);
    private SecretServiceConnection? _connection;

    public SecretServiceTokenCache(IPluginContext context, SecretServiceTimeouts timeouts)
    {
        _context = context;
        _timeouts = timeouts;
        _unlocker = new KeyringUnlocker(context, timeouts.Prompt);
    }

    public static SecretServiceTokenCache Create(IPluginContext context) =>
        new(context, SecretServiceTimeouts.Default);

    public async ValueTask<TokenCacheEntry?> GetAsync(CacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);

        var items = await FindUnlockedAsync(connection, ItemAttributes.ForLookup(key), cancellationToken)
            .ConfigureAwait(false);
        if (items.Count == 0)
        {
            return null;
        }

        var secrets = await connection.GetSecretsAsync(items, cancellationToken).ConfigureAwait(false);
        return ReadNewest(key, secrets.Values);
    }

    public async ValueTask StoreAsync(CacheKey key, TokenCacheEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var payload = entry.ToPayload();
        try
        {
            string prompt;
            try
            {
                prompt = await connection.CreateItemAsync(
                    key.Label, ItemAttributes.ForStore(key), payload, cancellationToken).ConfigureAwait(false);
            }
            catch (KeyringLockedException e)
            {
                await _unlocker.UnlockDefaultCollectionAsync(connection, e, cancellationToken).ConfigureAwait(false);
                prompt = await connection.CreateItemAsync(
                    key.Label, ItemAttributes.ForStore(key), payload, cancellationToken).ConfigureAwait(false);
            }

            await _unlocker.RunPromptAsync(connection, prompt, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Array.Clear(payload);
        }

        _reportedUnreadable.TryRemove(key.Value, out _);
    }

    public async ValueTask<bool> RemoveAsync(CacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);

        var items = await FindUnlockedAsync(connection, ItemAttributes.ForLookup(key), cancellationToken)
            .ConfigureAwait(false);
        foreach (var item in items)
        {
            var prompt = await connection.DeleteItemAsync(item, cancellationToken).ConfigureAwait(false);
            await _unlocker.RunPromptAsync(connection, prompt, cancellationToken).ConfigureAwait(false);
        }

        return items.Count > 0;
    }

    public async ValueTask<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var found = await connection.SearchAsync(ItemAttributes.ForAll(), cancellationToken).ConfigureAwait(false);

        // Attributes are readable on locked items too, so listing never needs an unlock.
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in found.Unlocked.Concat(found.Locked))
        {
            var attributes = await connection.GetAttributesAsync(item, cancellationToken).ConfigureAwait(false);
            if (attributes.TryGetValue(ItemAttributes.CacheKey, out var value) && IsKeyValue(value))
            {
                values.Add(value);
            }
        }

        return [.. values];
    }

    public async ValueTask<string?> ReadLegacySecretAsync(
        string service, string account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(account);
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);

        var items = await FindUnlockedAsync(connection, ItemAttributes.ForLegacy(service, account), cancellationToken)
            .ConfigureAwait(false);
        if (items.Count == 0)
        {
            return null;
        }

        var secrets = await connection.GetSecretsAsync(items, cancellationToken).ConfigureAwait(false);
        return secrets.TryGetValue(items[0], out var secret) ? Encoding.UTF8.GetString(secret) : null;
    }

    /// <summary>Whether a Secret Service answers on the session bus, within about a second.</summary>
    // The probe opens the connection this cache then reads through, so choosing the keyring
    // automatically costs no second connection on the cache-hit path, which runs on every kubectl
    // command. Opening the session proves the service answers, as a ping would.
    public async ValueTask<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        if (SessionBusAddress.Resolve(_context) is null)
        {
            return SecretServiceErrors.NoBusAddress().Message;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(SecretServiceTimeouts.Probe);
        try
        {
            await ConnectAsync(deadline.Token).WaitAsync(deadline.Token).ConfigureAwait(false);
            return null;
        }
        catch (TokenCacheException e)
        {
            return e.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SecretServiceErrors.NoAnswer("OpenSession", SecretServiceTimeouts.Probe).Message;
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connecting.Dispose();
    }

    private async Task<SecretServiceConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } open)
        {
            return open;
        }

        // Whoever holds it is bounded by the call timeout, so this wait is bounded too.
        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                var address = SessionBusAddress.Resolve(_context) ?? throw SecretServiceErrors.NoBusAddress();
                _connection = await SecretServiceConnection.OpenAsync(address, _timeouts.Call, cancellationToken)
                    .ConfigureAwait(false);
                _context.Log.Debug($"Secret Service cache: connected to the session bus at '{address}'.");
            }

            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>Searches, unlocking locked matches first when a person can be asked.</summary>
    private async Task<IReadOnlyList<string>> FindUnlockedAsync(
        SecretServiceConnection connection,
        IReadOnlyDictionary<string, string> attributes,
        CancellationToken cancellationToken)
    {
        var found = await connection.SearchAsync(attributes, cancellationToken).ConfigureAwait(false);
        if (found.Locked.Count == 0)
        {
            return found.Unlocked;
        }

        await _unlocker.UnlockAsync(connection, found.Locked, cancellationToken).ConfigureAwait(false);
        found = await connection.SearchAsync(attributes, cancellationToken).ConfigureAwait(false);
        return found.Locked.Count == 0 ? found.Unlocked : throw SecretServiceErrors.UnlockDismissed();
    }

    /// <summary>
    /// The newest readable entry. The service replaces items in place, so there is normally one;
    /// several can only come from another program writing the same attributes.
    /// </summary>
    private TokenCacheEntry? ReadNewest(CacheKey key, IEnumerable<byte[]> secrets)
    {
        TokenCacheEntry? newest = null;
        var unreadable = false;
        foreach (var secret in secrets)
        {
            if (TokenCacheEntry.TryFromPayload(secret, out var entry) && entry is not null)
            {
                newest = newest is null || entry.StoredAt > newest.StoredAt ? entry : newest;
            }
            else
            {
                unreadable = true;
            }

            Array.Clear(secret);
        }

        if (newest is null && unreadable && _reportedUnreadable.TryAdd(key.Value, true))
        {
            _context.Log.Warning(
                $"The keyring item '{key.Label}' does not hold a kubekey token entry and is ignored; "
                + "the next login replaces it.");
        }

        return newest;
    }

    private static bool IsKeyValue(string value) =>
        value.Length > 0 && value.All(char.IsAsciiHexDigitLower);
}
