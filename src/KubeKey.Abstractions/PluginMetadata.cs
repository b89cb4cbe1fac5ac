namespace KubeKey.Abstractions;

/// <summary>What a plugin says about itself before kubekey uses it.</summary>
public sealed class PluginMetadata
{
    /// <summary>Creates metadata.</summary>
    /// <param name="name">The plugin's name: the name of its folder and assembly.</param>
    /// <param name="version">The plugin's own version, shown by <c>kubekey version</c> and in logs.</param>
    /// <param name="contractVersion">Always <see cref="PluginContract.Version"/>, as compiled in.</param>
    /// <param name="description">One line for listings.</param>
    /// <param name="platforms">
    /// The operating systems the plugin works on, from "linux", "macos", "windows"; empty for all.
    /// </param>
    public PluginMetadata(
        string name,
        string version,
        int contractVersion,
        string description,
        IReadOnlyList<string> platforms)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(version);
        Name = name;
        Version = version;
        ContractVersion = contractVersion;
        Description = description ?? string.Empty;
        Platforms = platforms ?? [];
    }

    /// <summary>The plugin's name, equal to its folder and assembly name.</summary>
    public string Name { get; }

    /// <summary>The plugin's own version.</summary>
    public string Version { get; }

    /// <summary>The <see cref="PluginContract.Version"/> the plugin was compiled against.</summary>
    public int ContractVersion { get; }

    /// <summary>One line describing the plugin.</summary>
    public string Description { get; }

    /// <summary>"linux", "macos", "windows"; empty when the plugin works everywhere.</summary>
    public IReadOnlyList<string> Platforms { get; }

    /// <summary>Whether the plugin says it works on the operating system this process runs on.</summary>
    public bool SupportsCurrentPlatform =>
        Platforms.Count == 0
        || (OperatingSystem.IsLinux() && Platforms.Contains("linux"))
        || (OperatingSystem.IsMacOS() && Platforms.Contains("macos"))
        || (OperatingSystem.IsWindows() && Platforms.Contains("windows"));
}
