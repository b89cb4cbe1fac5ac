namespace KubeKey.Core.Settings;

/// <summary>One setting: its config key, the environment variables and flag that set it, its default.</summary>
/// <param name="Key">The key in config.json.</param>
/// <param name="Kind">How the value is written and merged.</param>
/// <param name="Flag">The command-line flag, without dashes, or null.</param>
/// <param name="Environment">Environment variables that set it; the first one set wins.</param>
/// <param name="Default">The compiled default, or null.</param>
public sealed record SettingDefinition(
    string Key,
    SettingKind Kind,
    string? Flag,
    IReadOnlyList<string> Environment,
    string? Default);
