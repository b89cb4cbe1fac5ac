using KubeKey.Abstractions;

namespace KubeKey.Cache.File.Tests;

/// <summary>A plugin registry that keeps the factories a plugin registers, so tests can call them.</summary>
internal sealed class RecordingPluginRegistry : IPluginRegistry
{
    public Func<IPluginContext, ITokenCache>? TokenCacheFactory { get; private set; }

    public Func<IPluginContext, IBrowserLauncher>? BrowserLauncherFactory { get; private set; }

    public Func<IPluginContext, ITemplateRenderer>? TemplateRendererFactory { get; private set; }

    public int Registrations { get; private set; }

    /// <summary>Registers <see cref="FileCachePlugin"/> and builds its cache for <paramref name="context"/>.</summary>
    public static ITokenCache FileCacheFor(IPluginContext context)
    {
        var registry = new RecordingPluginRegistry();
        new FileCachePlugin().Register(registry);
        return registry.TokenCacheFactory!(context);
    }

    public void AddTokenCache(Func<IPluginContext, ITokenCache> factory)
    {
        TokenCacheFactory = factory;
        Registrations++;
    }

    public void AddBrowserLauncher(Func<IPluginContext, IBrowserLauncher> factory)
    {
        BrowserLauncherFactory = factory;
        Registrations++;
    }

    public void AddTemplateRenderer(Func<IPluginContext, ITemplateRenderer> factory)
    {
        TemplateRendererFactory = factory;
        Registrations++;
    }
}
