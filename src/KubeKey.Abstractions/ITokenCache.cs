namespace KubeKey.Abstractions;

/// <summary>
/// Stores cached logins, one <see cref="TokenCacheEntry"/> per <see cref="CacheKey"/>.
/// Implementations keep each entry as the opaque payload from
/// <see cref="TokenCacheEntry.ToPayload"/> and never look inside tokens.
/// </summary>
/// <remarks>
/// Several kubekey processes may use one cache at once; kubekey serialises logins and
/// refreshes itself, but a backend must make every single store atomic: a reader sees the old
/// entry or the new one, never a mixture, even when the writer crashes half-way.
/// </remarks>
public interface ITokenCache
{
    /// <summary>Reads the entry stored under <paramref name="key"/>.</summary>
    /// <returns>
    /// The entry, or <see langword="null"/> on a miss. An entry that cannot be read back
    /// (corrupt, truncated, tampered with, written by an unknown payload version) is a miss too:
    /// the backend reports it once through <see cref="IPluginLog.Warning"/> and the next
    /// <see cref="StoreAsync"/> replaces it.
    /// </returns>
    /// <exception cref="TokenCacheException">
    /// The store itself cannot be reached or used (locked keyring, unreadable folder).
    /// </exception>
    ValueTask<TokenCacheEntry?> GetAsync(CacheKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="entry"/> under <paramref name="key"/>, replacing whatever was
    /// there, atomically.
    /// </summary>
    /// <exception cref="TokenCacheException">
    /// The entry could not be stored; the previous entry, if any, is left as it was.
    /// </exception>
    ValueTask StoreAsync(CacheKey key, TokenCacheEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes the entry stored under <paramref name="key"/>.</summary>
    /// <returns><see langword="true"/> when an entry was removed; <see langword="false"/> on a miss.</returns>
    /// <exception cref="TokenCacheException">The store cannot be reached or changed.</exception>
    ValueTask<bool> RemoveAsync(CacheKey key, CancellationToken cancellationToken);

    /// <summary>Lists the <see cref="CacheKey.Value"/> of every entry this backend holds for kubekey.</summary>
    /// <returns>The values, in no particular order; empty when the cache is empty.</returns>
    /// <exception cref="TokenCacheException">The store cannot be reached.</exception>
    ValueTask<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}
