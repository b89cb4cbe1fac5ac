using KubeKey.Abstractions;
using KubeKey.Cache.File;
using KubeKey.Core.Caching;
using KubeKey.Core.Settings;
using KubeKey.Testing;

namespace KubeKey.EndToEnd.Tests.Support;

/// <summary>
/// The kubekey that `make stage` installed, with a private home for its caches and config, and
/// the environment kubectl is started with.
/// </summary>
internal sealed class InstalledKubeKey : IDisposable
{
    private readonly TempDirectory _temp = new();

    public InstalledKubeKey()
    {
        Command = Path.Combine(RepositoryLayout.Stage, "bin", "kubekey");
        if (!File.Exists(Command))
        {
            throw new InvalidOperationException($"No installed kubekey at {Command}; run 'make stage' first.");
        }

        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = _temp.Combine("home"),
            ["XDG_CACHE_HOME"] = _temp.Combine("home", "cache"),
            ["XDG_CONFIG_HOME"] = _temp.Combine("home", "config"),
            ["XDG_DATA_HOME"] = _temp.Combine("home", "data"),
            ["KUBEKEY_CACHE"] = "file",
            ["KUBECACHEDIR"] = _temp.Combine("home", "kube-cache"),
        };
    }

    public string Command { get; }

    /// <summary>What kubectl runs with; kubekey inherits it.</summary>
    public Dictionary<string, string> Environment { get; }

    public string Combine(params string[] parts) => _temp.Combine(parts);

    /// <summary>Stores an entry through the file cache plugin's own API, where kubekey will look for it.</summary>
    public async Task StoreAsync(string issuer, string clientId, TokenCacheEntry entry)
    {
        var (cache, key) = OpenCache(issuer, clientId, [], []);
        await cache.StoreAsync(key, entry, CancellationToken.None);
    }

    /// <summary>
    /// Reads what kubekey cached for a login with these scopes and authorization parameters
    /// (<c>key=value</c>), through the file cache plugin's own API.
    /// </summary>
    public async Task<TokenCacheEntry?> ReadAsync(
        string issuer, string clientId, IReadOnlyList<string> extraScopes, IReadOnlyList<string> authParams)
    {
        var (cache, key) = OpenCache(issuer, clientId, extraScopes, authParams);
        return await cache.GetAsync(key, CancellationToken.None);
    }

    private (ITokenCache Cache, CacheKey Key) OpenCache(
        string issuer, string clientId, IReadOnlyList<string> extraScopes, IReadOnlyList<string> authParams)
    {
        var flags = new SettingsLayerBuilder()
            .Set(SettingDefinitions.IssuerUrl, issuer)
            .Set(SettingDefinitions.ClientId, clientId);
        foreach (var scope in extraScopes)
        {
            flags.Add(SettingDefinitions.ExtraScopes, scope);
        }

        foreach (var pair in authParams)
        {
            flags.Put(SettingDefinitions.AuthParams, pair, "test");
        }

        var settings = SettingsResolver.Resolve(new SettingsInput
        {
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
            Flags = flags.Build("flags"),
            SystemConfigFile = Combine("no-system-config.json"),
        });
        var context = new FakePluginContext(_temp.Path)
        {
            CacheDirectory = settings.CacheDirectory,
            DataDirectory = settings.DataDirectory,
        };
        var registry = new SingleCacheRegistry();
        new FileCachePlugin().Register(registry);
        return (registry.Factory!(context), CacheKeyFactory.Create(settings));
    }

    public void Dispose() => _temp.Dispose();

    private sealed class SingleCacheRegistry : IPluginRegistry
    {
        public Func<IPluginContext, ITokenCache>? Factory { get; private set; }

        public void AddTokenCache(Func<IPluginContext, ITokenCache> factory) => Factory = factory;

        public void AddBrowserLauncher(Func<IPluginContext, IBrowserLauncher> factory)
        {
        }

        public void AddTemplateRenderer(Func<IPluginContext, ITemplateRenderer> factory)
        {
        }
    }
}
