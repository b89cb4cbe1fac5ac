namespace KubeKey.Abstractions;

/// <summary>What kubekey hands a plugin's factories: resolved settings, folders and a log.</summary>
public interface IPluginContext
{
    /// <summary>The folder for cache files and locks, already resolved (flag, config or XDG default).</summary>
    /// <remarks>It may not exist yet; a plugin that writes there creates it with mode 700.</remarks>
    string CacheDirectory { get; }

    /// <summary>The per-user folder for kubekey's own data that must outlive the cache (keys).</summary>
    /// <remarks>It may not exist yet; a plugin that writes there creates it with mode 700.</remarks>
    string DataDirectory { get; }

    /// <summary>The folders to look for page templates in, first match wins.</summary>
    IReadOnlyList<string> TemplateDirectories { get; }

    /// <summary>
    /// Whether a person can answer a prompt (kubectl handed over a terminal). A plugin that would
    /// have to ask, such as unlocking a keyring, fails with a clear error instead when false.
    /// </summary>
    bool Interactive { get; }

    /// <summary>Where the plugin reports what it does. Never pass it a secret.</summary>
    IPluginLog Log { get; }

    /// <summary>
    /// A setting for this plugin from the <c>plugins.&lt;name&gt;</c> section of kubekey's
    /// configuration, or <see langword="null"/> when not set.
    /// </summary>
    string? GetSetting(string name);

    /// <summary>
    /// An environment variable as kubekey sees it, or <see langword="null"/> when unset.
    /// Plugins read the environment through this so tests can supply their own.
    /// </summary>
    string? GetEnvironmentVariable(string name);
}
