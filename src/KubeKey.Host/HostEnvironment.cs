namespace KubeKey.Host;

/// <summary>
/// Everything the host takes from the process around it. The real process fills it in
/// <see cref="FromProcess"/>; integration tests hand in their own streams and variables.
/// </summary>
internal sealed class HostEnvironment
{
    public required Stream Stdout { get; init; }

    public required TextWriter Stderr { get; init; }

    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    public bool StdinIsTerminal { get; init; }

    /// <summary>The folder holding the host; its plugins folder sits beside it.</summary>
    public required string BaseDirectory { get; init; }

    public string SystemConfigFile { get; init; } = Core.Settings.SettingsInput.DefaultSystemConfigFile;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The settings in force for a verb: config files, this environment, then its flags.</summary>
    /// <exception cref="Core.Errors.ConfigurationException">A config file or value is malformed.</exception>
    public Core.Settings.KubeKeySettings ResolveSettings(Cli.CommonOptions options) =>
        Core.Settings.SettingsResolver.Resolve(new Core.Settings.SettingsInput
        {
            GetEnvironmentVariable = GetEnvironmentVariable,
            Flags = Cli.FlagLayer.From(options),
            SystemConfigFile = SystemConfigFile,
        });

    public static HostEnvironment FromProcess() => new()
    {
        Stdout = Console.OpenStandardOutput(),
        Stderr = Console.Error,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        StdinIsTerminal = !Console.IsInputRedirected,
        BaseDirectory = AppContext.BaseDirectory,
    };
}
