using KubeKey.Core.Settings;
using Serilog;

namespace KubeKey.Host.Plugins;

/// <summary>Cache backends from the plugin folders, through the <see cref="PluginCatalog"/>.</summary>
internal sealed class PluginCacheBackends : ICacheBackends
{
    private readonly PluginCatalog _catalog;
    private readonly KubeKeySettings _settings;
    private readonly bool _interactive;
    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly ILogger _log;

    public PluginCacheBackends(
        PluginCatalog catalog,
        KubeKeySettings settings,
        bool interactive,
        Func<string, string?> getEnvironmentVariable,
        ILogger log)
    {
        _catalog = catalog;
        _settings = settings;
        _interactive = interactive;
        _getEnvironmentVariable = getEnvironmentVariable;
        _log = log;
    }

    public CacheBackend Open(string name)
    {
        var plugin = _catalog.Load(PluginSlot.Cache, name);
        var context = PluginContext.For(plugin, _settings, _interactive, _log, _getEnvironmentVariable);
        var cache = plugin.Registry.TokenCache!(context);
        return new CacheBackend(
            PluginCatalog.ShortName(PluginSlot.Cache, plugin.Metadata.Name), plugin.Metadata, cache);
    }

    public IReadOnlyList<string> Installed() =>
        [.. _catalog.Available(PluginSlot.Cache).Select(m => PluginCatalog.ShortName(PluginSlot.Cache, m.Name))];
}
