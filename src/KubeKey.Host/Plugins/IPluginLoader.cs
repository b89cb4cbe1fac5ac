using KubeKey.Abstractions;

namespace KubeKey.Host.Plugins;

/// <summary>
/// Loads a plugin assembly in isolation and creates its entry point. The seam around the
/// third-party loader: replacing it touches this folder only.
/// </summary>
internal interface IPluginLoader
{
    /// <summary>Loads <paramref name="assemblyPath"/> and instantiates its <see cref="IKubeKeyPlugin"/>.</summary>
    /// <exception cref="PluginException">The assembly holds no usable entry point or fails to load.</exception>
    IKubeKeyPlugin Load(string name, string assemblyPath);
}
