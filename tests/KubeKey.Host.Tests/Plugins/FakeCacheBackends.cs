using KubeKey.Abstractions;
using KubeKey.Host.Plugins;

namespace KubeKey.Host.Tests.Plugins;

/// <summary>
/// Cache backends by name, each with the probe answer the test wants; unknown names are not
/// installed.
/// </summary>
internal sealed class FakeCacheBackends : ICacheBackends
{
    private readonly Dictionary<string, FakeProbedCache> _caches = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Opened { get; } = [];

    /// <summary>Installs <paramref name="name"/>; <paramref name="problem"/> null means it can work here.</summary>
    public FakeProbedCache Install(string name, string? problem = null, TimeSpan? probeDelay = null)
    {
        var cache = new FakeProbedCache(problem, probeDelay ?? TimeSpan.Zero);
        _caches[name] = cache;
        return cache;
    }

    public CacheBackend Open(string name)
    {
        Opened.Add(name);
        if (!_caches.TryGetValue(name, out var cache))
        {
            throw PluginException.Unknown(PluginSlot.Cache, name, "Available on Linux: none.");
        }

        return new CacheBackend(
            name, new PluginMetadata("Fake." + name, "1.0.0", PluginContract.Version, "", []), cache);
    }

    public IReadOnlyList<string> Installed() => [.. _caches.Keys];
}
