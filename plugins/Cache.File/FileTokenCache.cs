using KubeKey.Abstractions;

namespace KubeKey.Cache.File;

/// <summary>
/// The token cache as encrypted files, one per cache key, for hosts without a keyring.
/// </summary>
/// <remarks>
/// A read does no more than it must: open one file, check its mode, get the key, decrypt. A
/// miss on a missing file touches no key at all. All I/O is synchronous: the files are small
/// and local, and the launcher's hit path has nothing to overlap with them.
/// </remarks>
internal sealed class FileTokenCache : ITokenCache
{
    private readonly CacheFolder _folder;
    private readonly Func<IKeySource> _resolveKeys;
    private readonly IPluginLog _log;
    private EntryCipher? _cipher;

    /// <summary>Creates the cache.</summary>
    /// <param name="directory">The cache folder; created with mode 700 on the first store.</param>
    /// <param name="resolveKeys">Chooses the key source; called on the first read or store.</param>
    /// <param name="log">Where unusable entries are reported.</param>
    public FileTokenCache(string directory, Func<IKeySource> resolveKeys, IPluginLog log)
    {
        _folder = new CacheFolder(directory);
        _resolveKeys = resolveKeys;
        _log = log;
    }

    /// <summary>Creates the cache in the context's folder, with the key source it configures.</summary>
    public static FileTokenCache Create(IPluginContext context) =>
        new(context.CacheDirectory, () => KeySources.Resolve(context), context.Log);

    public ValueTask<TokenCacheEntry?> GetAsync(CacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();

        var file = _folder.Read(key.Value, out var problem);
        if (file is null)
        {
            return Miss(key, problem);
        }

        var payload = Cipher().Open(key.Value, file, out problem);
        if (payload is null)
        {
            return Miss(key, problem);
        }

        return TokenCacheEntry.TryFromPayload(payload, out var entry)
            ? ValueTask.FromResult(entry)
            : Miss(key, "its contents are not an entry this version of kubekey reads");
    }

    public ValueTask StoreAsync(
        CacheKey key, TokenCacheEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();

        var sealedFile = Cipher().Seal(key.Value, entry.ToPayload());
        _folder.Write(key.Value, sealedFile);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(CacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();

        return ValueTask.FromResult(_folder.Delete(key.Value));
    }

    public ValueTask<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        return ValueTask.FromResult(_folder.List());
    }

    // The file is left in place: it may be readable by a correctly configured process (another
    // passphrase, a restored key file), and the next store replaces it anyway.
    private ValueTask<TokenCacheEntry?> Miss(CacheKey key, string? problem)
    {
        if (problem is not null)
        {
            var file = _folder.EntryPath(key.Value);
            _log.Warning($"Ignoring the cached login in '{file}' for {key.Label}: {problem}. "
                + "kubekey will log in again and replace it.");
        }

        return ValueTask.FromResult<TokenCacheEntry?>(null);
    }

    private EntryCipher Cipher() => _cipher ??= new EntryCipher(_resolveKeys());
}
