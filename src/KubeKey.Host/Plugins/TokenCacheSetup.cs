using KubeKey.Core.Settings;
using Serilog;

namespace KubeKey.Host.Plugins;

/// <summary>Opens the token cache of a run: the plugin catalog, the choice, and the fall-back note.</summary>
internal static class TokenCacheSetup
{
    /// <summary>Chooses and opens the cache the settings call for, telling the person once about a fall-back.</summary>
    /// <exception cref="PluginException">The chosen cache cannot be used; the message lists what works.</exception>
    public static Task<CacheSelection> OpenAsync(
        HostEnvironment environment,
        KubeKeySettings settings,
        bool interactive,
        ILogger log,
        CancellationToken cancellationToken) =>
        OpenAsync(
            environment,
            settings,
            PluginCatalog.ForHost(environment, settings, log),
            interactive,
            log,
            cancellationToken);

    /// <summary>The same, loading plugins through a catalog the run already has.</summary>
    /// <exception cref="PluginException">The chosen cache cannot be used; the message lists what works.</exception>
    public static async Task<CacheSelection> OpenAsync(
        HostEnvironment environment,
        KubeKeySettings settings,
        PluginCatalog catalog,
        bool interactive,
        ILogger log,
        CancellationToken cancellationToken)
    {
        var backends = new PluginCacheBackends(catalog, settings, interactive, environment.GetEnvironmentVariable, log);
        var selection = await new TokenCacheSelector(backends, CachePreferences.ForCurrentPlatform(), log)
            .SelectAsync(settings.Cache, cancellationToken).ConfigureAwait(false);
        new FallbackNotice(settings.CacheDirectory, environment.Stderr, log).Apply(selection);
        return selection;
    }

    /// <summary>The selector over the plugin folders the settings name and the one beside the host.</summary>
    public static TokenCacheSelector CreateSelector(
        HostEnvironment environment, KubeKeySettings settings, bool interactive, ILogger log)
    {
        var catalog = PluginCatalog.ForHost(environment, settings, log);
        var backends = new PluginCacheBackends(catalog, settings, interactive, environment.GetEnvironmentVariable, log);
        return new TokenCacheSelector(backends, CachePreferences.ForCurrentPlatform(), log);
    }
}
