namespace KubeKey.Host.Plugins;

/// <summary>The kinds of service a plugin can fill.</summary>
internal enum PluginSlot
{
    Cache,
    Browser,
    Templates,
}
