using Microsoft.Extensions.Configuration;

namespace KubeKey.Core.Settings;

/// <summary>One source of settings (a config file, the environment, the flags) and its name for messages.</summary>
/// <param name="Name">Where the values came from, e.g. the file path or "environment".</param>
/// <param name="Configuration">The values, keyed as in config.json (lists as key:0, key:1, …).</param>
public sealed record SettingsLayer(string Name, IConfiguration Configuration);
