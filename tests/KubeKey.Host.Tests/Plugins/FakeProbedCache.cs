using KubeKey.Abstractions;

namespace KubeKey.Host.Tests.Plugins;

/// <summary>An in-memory cache whose probe gives the answer the test chose, after a delay.</summary>
internal sealed class FakeProbedCache : ITokenCache, ITokenCacheProbe, IDisposable
{
    private readonly string? _problem;
    private readonly TimeSpan _delay;
    private readonly Dictionary<string, TokenCacheEntry> _entries = new(StringComparer.Ordinal);

    public FakeProbedCache(string? problem, TimeSpan delay)
    {
        _problem = problem;
        _delay = delay;
    }

    public int Probes { get; private set; }

    public bool Disposed { get; private set; }

    public async ValueTask<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        Probes++;
        await Task.Delay(_delay, cancellationToken);
        return _problem;
    }

    public ValueTask<TokenCacheEntry?> GetAsync(CacheKey key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.GetValueOrDefault(key.Value));

    public ValueTask StoreAsync(CacheKey key, TokenCacheEntry entry, CancellationToken cancellationToken)
    {
        _entries[key.Value] = entry;
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(CacheKey key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.Remove(key.Value));

    public ValueTask<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>([.. _entries.Keys]);

    public void Dispose() => Disposed = true;
}
