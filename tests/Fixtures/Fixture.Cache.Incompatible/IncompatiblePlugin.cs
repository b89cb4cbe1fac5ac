using KubeKey.Abstractions;

namespace Fixture.Cache.Incompatible;

public sealed class IncompatiblePlugin : IKubeKeyPlugin
{
    public PluginMetadata Metadata { get; } =
        new("Fixture.Cache.Incompatible", "2.0.0", PluginContract.Version, "Built against contract 2", []);

    public void Register(IPluginRegistry registry) =>
        throw new InvalidOperationException("The loader must refuse this plugin before registering it.");
}
