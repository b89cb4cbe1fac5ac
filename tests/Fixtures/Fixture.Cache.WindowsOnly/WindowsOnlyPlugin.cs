using KubeKey.Abstractions;

namespace Fixture.Cache.WindowsOnly;

/// <summary>Says it works on Windows only, so on Linux and macOS the host must refuse it.</summary>
public sealed class WindowsOnlyPlugin : IKubeKeyPlugin
{
    public PluginMetadata Metadata { get; } =
        new("Fixture.Cache.WindowsOnly", "1.0.0", PluginContract.Version, "Windows only", ["windows"]);

    public void Register(IPluginRegistry registry) =>
        registry.AddTokenCache(_ => throw new InvalidOperationException("Never created off Windows."));
}
