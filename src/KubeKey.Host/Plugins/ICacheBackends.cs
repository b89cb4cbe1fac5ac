namespace KubeKey.Host.Plugins;

/// <summary>Where <see cref="TokenCacheSelector"/> gets cache backends from: the plugin folders.</summary>
internal interface ICacheBackends
{
    /// <summary>Loads the cache plugin <paramref name="name"/> and creates its cache.</summary>
    /// <exception cref="PluginException">Not installed, broken, or not for this OS.</exception>
    /// <exception cref="Abstractions.TokenCacheException">The plugin refused to create its cache.</exception>
    CacheBackend Open(string name);

    /// <summary>
    /// The names of the cache plugins installed for this OS. It loads every plugin to ask, so it
    /// is for messages and <c>kubekey doctor</c>, never for the path of a normal run.
    /// </summary>
    IReadOnlyList<string> Installed();
}
