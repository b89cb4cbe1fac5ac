namespace KubeKey.Core.Settings;

/// <summary>What settings are resolved from, gathered by the host or the launcher.</summary>
public sealed class SettingsInput
{
    /// <summary>The machine-wide config file an administrator manages.</summary>
    public const string DefaultSystemConfigFile = "/etc/kubekey/config.json";

    /// <summary>Reads an environment variable; null when unset.</summary>
    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    /// <summary>The command-line flags as a layer, or null when there are none.</summary>
    public SettingsLayer? Flags { get; init; }

    /// <summary>The machine-wide config file; tests point it elsewhere.</summary>
    public string SystemConfigFile { get; init; } = DefaultSystemConfigFile;
}
