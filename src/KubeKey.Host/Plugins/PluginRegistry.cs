using KubeKey.Abstractions;

namespace KubeKey.Host.Plugins;

/// <summary>Collects the factories one plugin registers.</summary>
internal sealed class PluginRegistry : IPluginRegistry
{
    public Func<IPluginContext, ITokenCache>? TokenCache { get; private set; }

    public Func<IPluginContext, IBrowserLauncher>? BrowserLauncher { get; private set; }

    public Func<IPluginContext, ITemplateRenderer>? TemplateRenderer { get; private set; }

    public bool Provides(PluginSlot slot) => slot switch
    {
        PluginSlot.Cache => TokenCache is not null,
        PluginSlot.Browser => BrowserLauncher is not null,
        _ => TemplateRenderer is not null,
    };

    public void AddTokenCache(Func<IPluginContext, ITokenCache> factory) => TokenCache = factory;

    public void AddBrowserLauncher(Func<IPluginContext, IBrowserLauncher> factory) => BrowserLauncher = factory;

    public void AddTemplateRenderer(Func<IPluginContext, ITemplateRenderer> factory) => TemplateRenderer = factory;
}
