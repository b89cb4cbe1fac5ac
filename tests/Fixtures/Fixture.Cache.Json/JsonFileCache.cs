using KubeKey.Abstractions;

namespace Fixture.Cache.Json;

internal sealed class JsonFileCache(string folder) : ITokenCache
{
    public ValueTask<TokenCacheEntry?> GetAsync(CacheKey key, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, key.Value);
        return ValueTask.FromResult(
            File.Exists(path) && TokenCacheEntry.TryFromPayload(File.ReadAllBytes(path), out var entry) ? entry : null);
    }

    public ValueTask StoreAsync(CacheKey key, TokenCacheEntry entry, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, key.Value), entry.ToPayload());
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(CacheKey key, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, key.Value);
        var existed = File.Exists(path);
        File.Delete(path);
        return ValueTask.FromResult(existed);
    }

    public ValueTask<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>(
            Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>()] : []);
}
