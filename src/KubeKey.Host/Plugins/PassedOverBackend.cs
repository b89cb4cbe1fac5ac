namespace KubeKey.Host.Plugins;

/// <summary>A backend the automatic choice tried and did not use.</summary>
/// <param name="Name">Its short name.</param>
/// <param name="Installed">False when no such plugin is installed; true when it is but cannot work here.</param>
/// <param name="Reason">Why it cannot work here, a sentence from the plugin or the loader.</param>
internal sealed record PassedOverBackend(string Name, bool Installed, string Reason)
{
    public string Describe() =>
        Installed ? $"{Name} cannot work here ({Reason.TrimEnd('.')})" : $"{Name} is not installed";
}
