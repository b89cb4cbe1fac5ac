using KubeKey.Abstractions;

namespace KubeKey.Host.Plugins;

/// <summary>A plugin that was loaded and registered its services.</summary>
internal sealed record LoadedPlugin(PluginMetadata Metadata, PluginRegistry Registry, string Folder);
