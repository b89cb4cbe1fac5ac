using KubeKey.Abstractions;
using Serilog;

namespace KubeKey.Host.Logging;

/// <summary>A plugin's view of the log, tagged with the plugin's name.</summary>
internal sealed class SerilogPluginLog : IPluginLog
{
    private readonly ILogger _log;

    public SerilogPluginLog(ILogger log, string pluginName)
    {
        _log = log.ForContext("Plugin", pluginName);
    }

    // Plugin text goes out as a property, never as a template, so braces in it stay literal.
    public void Debug(string message) => _log.Debug("{PluginMessage:l}", message);

    public void Information(string message) => _log.Information("{PluginMessage:l}", message);

    public void Warning(string message) => _log.Warning("{PluginMessage:l}", message);
}
