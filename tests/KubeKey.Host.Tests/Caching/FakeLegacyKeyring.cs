using KubeKey.Abstractions;

namespace KubeKey.Host.Tests.Caching;

/// <summary>An in-memory keyring cache that also holds Go kubekey items, by service and account.</summary>
internal sealed class FakeLegacyKeyring : ITokenCache, ILegacyKeyringReader
{
    public Dictionary<(string Service, string Account), string> LegacyItems { get; } = [];

    public Dictionary<string, TokenCacheEntry> Entries { get; } = new(StringComparer.Ordinal);

    public Exception? StoreFailure { get; init; }

    public ValueTask<string?> ReadLegacySecretAsync(
        string service,
        string account,
        CancellationToken cancellationToken) =>
        ValueTask.FromResult(LegacyItems.GetValueOrDefault((service, account)));

    public ValueTask<TokenCacheEntry?> GetAsync(CacheKey key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Entries.GetValueOrDefault(key.Value));

    public ValueTask StoreAsync(CacheKey key, TokenCacheEntry entry, CancellationToken cancellationToken)
    {
        if (StoreFailure is not null)
        {
            return ValueTask.FromException(StoreFailure);
        }

        Entries[key.Value] = entry;
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(CacheKey key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Entries.Remove(key.Value));

    public ValueTask<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>([.. Entries.Keys]);
}
