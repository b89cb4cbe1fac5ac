namespace KubeKey.Abstractions;

/// <summary>Where a plugin adds what it provides. A plugin may fill one slot or several.</summary>
/// <remarks>Registering a slot twice keeps the last factory.</remarks>
public interface IPluginRegistry
{
    /// <summary>Provides the token cache (the <c>cache</c> slot).</summary>
    void AddTokenCache(Func<IPluginContext, ITokenCache> factory);

    /// <summary>Provides the browser launcher (the <c>browser</c> slot).</summary>
    void AddBrowserLauncher(Func<IPluginContext, IBrowserLauncher> factory);

    /// <summary>Provides the page renderer (the <c>templates</c> slot).</summary>
    void AddTemplateRenderer(Func<IPluginContext, ITemplateRenderer> factory);
}
