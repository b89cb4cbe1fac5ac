using KubeKey.Core.Errors;
using KubeKey.Core.Settings;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace KubeKey.Host.Logging;

/// <summary>
/// Builds the one logger of a run: stderr always, a file when configured. stdout is never a sink:
/// it belongs to the ExecCredential.
/// </summary>
internal static class LogSetup
{
    private const string Template = "kubekey: {Level:w}: {Message:lj}{NewLine}{Exception}";
    private const string FileTemplate = "{Timestamp:o} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <exception cref="ConfigurationException">The level is not one kubekey knows.</exception>
    public static Logger Create(string level, string? logFile, TextWriter stderr)
    {
        var minimum = ParseLevel(level);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .WriteTo.Sink(new StderrSink(stderr, new MessageTemplateTextFormatter(Template)));
        if (!string.IsNullOrEmpty(logFile))
        {
            configuration = configuration.WriteTo.File(logFile, outputTemplate: FileTemplate, formatProvider: null);
        }

        return configuration.CreateLogger();
    }

    public static LogEventLevel ParseLevel(string level) => level.ToLowerInvariant() switch
    {
        "error" => LogEventLevel.Error,
        "warning" or "warn" => LogEventLevel.Warning,
        "information" or "info" => LogEventLevel.Information,
        "debug" => LogEventLevel.Debug,
        "verbose" or "trace" => LogEventLevel.Verbose,
        _ => throw ConfigurationException.InvalidValue(
            SettingDefinitions.LogLevel.Key, level, "it must be one of error, warning, info, debug, trace"),
    };
}
