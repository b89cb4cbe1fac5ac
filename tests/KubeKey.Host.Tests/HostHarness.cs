using System.Text;
using KubeKey.Abstractions;
using KubeKey.Core.Caching;
using KubeKey.Core.Settings;
using KubeKey.Host.Plugins;
using KubeKey.Testing;

namespace KubeKey.Host.Tests;

/// <summary>
/// Runs the host's composition root in-process against a private home folder, with the real
/// file cache plugin installed beside it, and captures stdout and stderr.
/// </summary>
internal sealed class HostHarness : IDisposable
{
    public const string Issuer = "https://issuer.example";
    public const string ClientId = "kubectl";

    private readonly TempDirectory _temp = new();

    public HostHarness()
    {
        BaseDirectory = _temp.Combine("lib");
        PluginsRoot = Path.Combine(BaseDirectory, "plugins");
        RepositoryLayout.InstallPlugin("plugins/Cache.File", "KubeKey.Cache.File", PluginsRoot);
        Environment["HOME"] = _temp.Combine("home");
        Environment["XDG_CACHE_HOME"] = _temp.Combine("home", "cache");
        Environment["XDG_CONFIG_HOME"] = _temp.Combine("home", "config");
        Environment["XDG_DATA_HOME"] = _temp.Combine("home", "data");
        SystemConfigFile = _temp.Combine("etc", "config.json");
    }

    public string BaseDirectory { get; }

    public string PluginsRoot { get; }

    public string SystemConfigFile { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string Stdout { get; private set; } = string.Empty;

    public string Stderr { get; private set; } = string.Empty;

    public string Combine(params string[] parts) => _temp.Combine(parts);

    /// <summary>Installs another built plugin beside the host, e.g. the Secret Service cache.</summary>
    public void InstallPlugin(string projectFolder, string assemblyName) =>
        RepositoryLayout.InstallPlugin(projectFolder, assemblyName, PluginsRoot);

    public async Task<int> RunAsync(params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var environment = new HostEnvironment
        {
            Stdout = stdout,
            Stderr = stderr,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
            BaseDirectory = BaseDirectory,
            SystemConfigFile = SystemConfigFile,
        };

        var exitCode = await KubeKeyApp.RunAsync(args, environment);

        Stdout = Encoding.UTF8.GetString(stdout.ToArray());
        Stderr = stderr.ToString();
        return exitCode;
    }

    /// <summary>Stores an entry through the installed plugin, for the identity the flags name.</summary>
    public Task StoreAsync(TokenCacheEntry entry, params string[] identityFlags) =>
        StoreInAsync("file", entry, identityFlags);

    public Task<TokenCacheEntry?> ReadAsync(params string[] identityFlags) => ReadFromAsync("file", identityFlags);

    /// <summary>Stores an entry through the installed cache plugin <paramref name="cacheName"/>.</summary>
    public async Task StoreInAsync(string cacheName, TokenCacheEntry entry, params string[] identityFlags)
    {
        var (cache, key) = await OpenCacheAsync(cacheName, identityFlags);
        await cache.StoreAsync(key, entry, CancellationToken.None);
        (cache as IDisposable)?.Dispose();
    }

    /// <summary>
    /// Reads the entry for the identity the flags name through the cache plugin
    /// <paramref name="cacheName"/>.
    /// </summary>
    public async Task<TokenCacheEntry?> ReadFromAsync(string cacheName, params string[] identityFlags)
    {
        var (cache, key) = await OpenCacheAsync(cacheName, identityFlags);
        var entry = await cache.GetAsync(key, CancellationToken.None);
        (cache as IDisposable)?.Dispose();
        return entry;
    }

    /// <summary>The cache keys the cache plugin <paramref name="cacheName"/> holds.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string cacheName)
    {
        var (cache, _) = await OpenCacheAsync(cacheName, []);
        var keys = await cache.ListAsync(CancellationToken.None);
        (cache as IDisposable)?.Dispose();
        return keys;
    }

    public static TokenCacheEntry Entry(DateTimeOffset expiresAt, DateTimeOffset? storedAt = null) =>
        new(TestEntries.Entry().IdToken, "refresh-secret-0123456789", expiresAt, Issuer, ClientId, "alice",
            storedAt ?? expiresAt.AddHours(-1));

    public void Dispose() => _temp.Dispose();

    private Task<(ITokenCache Cache, CacheKey Key)> OpenCacheAsync(string cacheName, string[] identityFlags)
    {
        var layer = new SettingsLayerBuilder()
            .Set(SettingDefinitions.IssuerUrl, Issuer)
            .Set(SettingDefinitions.ClientId, ClientId);
        for (var i = 0; i + 1 < identityFlags.Length; i += 2)
        {
            var setting = SettingDefinitions.All.Single(s => "--" + s.Flag == identityFlags[i]);
            layer.Apply(setting, identityFlags[i + 1], identityFlags[i]);
        }

        var settings = SettingsResolver.Resolve(new SettingsInput
        {
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
            Flags = layer.Build("flags"),
            SystemConfigFile = SystemConfigFile,
        });
        var context = new FakePluginContext(_temp.Path)
        {
            CacheDirectory = settings.CacheDirectory,
            DataDirectory = settings.DataDirectory,
        };
        foreach (var (name, value) in Environment)
        {
            context.Environment[name] = value;
        }

        var catalog = new PluginCatalog([PluginsRoot], new McMasterPluginLoader(), Serilog.Core.Logger.None);
        var cache = catalog.Load(PluginSlot.Cache, cacheName).Registry.TokenCache!(context);
        return Task.FromResult((cache, CacheKeyFactory.Create(settings)));
    }
}
