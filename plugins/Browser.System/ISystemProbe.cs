namespace KubeKey.Browser.System;

/// <summary>What the command planner needs to know about the machine, so tests can fake it.</summary>
internal interface ISystemProbe
{
    /// <summary>Whether this process runs on Windows.</summary>
    bool IsWindows { get; }

    /// <summary>Whether this process runs on macOS.</summary>
    bool IsMacOS { get; }

    /// <summary>An environment variable, or <see langword="null"/> when unset.</summary>
    string? GetEnvironmentVariable(string name);

    /// <summary>A setting from the plugin's configuration section, or <see langword="null"/>.</summary>
    string? GetSetting(string name);

    /// <summary>The text of a small system file, or <see langword="null"/> when it cannot be read.</summary>
    string? ReadSystemFile(string path);
}
