using KubeKey.Abstractions;

namespace KubeKey.Host.Plugins;

/// <summary>A cache plugin that was loaded, and the cache it created for this run.</summary>
/// <param name="Name">The name users write for it: the short form for first-party plugins.</param>
/// <param name="Plugin">What the plugin says about itself.</param>
/// <param name="Cache">The cache, not used yet.</param>
internal sealed record CacheBackend(string Name, PluginMetadata Plugin, ITokenCache Cache);
