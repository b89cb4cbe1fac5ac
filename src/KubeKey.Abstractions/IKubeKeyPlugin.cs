namespace KubeKey.Abstractions;

/// <summary>
/// The entry point of a plugin assembly. kubekey finds the one public, non-abstract class with a
/// parameterless constructor that implements this interface, reads <see cref="Metadata"/>, and
/// calls <see cref="Register"/> once.
/// </summary>
public interface IKubeKeyPlugin
{
    /// <summary>The plugin's name, version and the contract version it was built against.</summary>
    PluginMetadata Metadata { get; }

    /// <summary>
    /// Adds the services this plugin provides. Called once, before any of them is used; it must
    /// not do I/O: the factories it registers run only when a service is needed.
    /// </summary>
    void Register(IPluginRegistry registry);
}
