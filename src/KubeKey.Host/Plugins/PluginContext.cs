using KubeKey.Abstractions;
using KubeKey.Core.Settings;

namespace KubeKey.Host.Plugins;

/// <summary>The context handed to one plugin's factories, built from the settings in force.</summary>
internal sealed class PluginContext : IPluginContext
{
    private readonly KubeKeySettings _settings;
    private readonly string _pluginName;
    private readonly Func<string, string?> _getEnvironmentVariable;

    public PluginContext(
        KubeKeySettings settings,
        string pluginName,
        bool interactive,
        IPluginLog log,
        Func<string, string?> getEnvironmentVariable)
    {
        _settings = settings;
        _pluginName = pluginName;
        _getEnvironmentVariable = getEnvironmentVariable;
        Interactive = interactive;
        Log = log;
    }

    /// <summary>The context for <paramref name="plugin"/>, its log tagged with the plugin's name.</summary>
    public static PluginContext For(
        LoadedPlugin plugin,
        KubeKeySettings settings,
        bool interactive,
        Serilog.ILogger log,
        Func<string, string?> getEnvironmentVariable) =>
        new(
            settings,
            plugin.Metadata.Name,
            interactive,
            new Logging.SerilogPluginLog(log, plugin.Metadata.Name),
            getEnvironmentVariable);

    public string CacheDirectory => _settings.CacheDirectory;

    public string DataDirectory => _settings.DataDirectory;

    public IReadOnlyList<string> TemplateDirectories => _settings.TemplateDirectories;

    public bool Interactive { get; }

    public IPluginLog Log { get; }

    public string? GetSetting(string name) =>
        _settings.PluginSettings.TryGetValue(_pluginName, out var values) && values.TryGetValue(name, out var value)
            ? value
            : null;

    public string? GetEnvironmentVariable(string name) => _getEnvironmentVariable(name);
}
