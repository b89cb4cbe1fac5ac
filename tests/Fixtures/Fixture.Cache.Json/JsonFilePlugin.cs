using KubeKey.Abstractions;

namespace Fixture.Cache.Json;

/// <summary>A plain-file cache for loader tests; it stores payloads unencrypted, so it is for tests only.</summary>
public sealed class JsonFilePlugin : IKubeKeyPlugin
{
    public PluginMetadata Metadata { get; } =
        new("Fixture.Cache.Json", "9.9.9", PluginContract.Version, "Plain files, for loader tests", []);

    public void Register(IPluginRegistry registry) =>
        registry.AddTokenCache(context => new JsonFileCache(Path.Combine(context.CacheDirectory, "fixture-json")));
}
