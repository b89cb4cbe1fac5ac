namespace KubeKey.Abstractions;

/// <summary>The version of the contract in this assembly.</summary>
/// <remarks>
/// A plugin puts <see cref="Version"/> into <see cref="PluginMetadata.ContractVersion"/>; being a
/// constant, it is compiled into the plugin, so it records the contract the plugin was built
/// against. kubekey loads a plugin only when that version equals its own.
/// </remarks>
public static class PluginContract
{
    /// <summary>The contract version; it changes whenever a contract changes incompatibly.</summary>
    public const int Version = 1;
}
