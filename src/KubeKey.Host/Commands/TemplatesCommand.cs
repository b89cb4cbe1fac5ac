using KubeKey.Abstractions;
using KubeKey.Core.Settings;
using KubeKey.Host.Cli;
using KubeKey.Host.Errors;
using KubeKey.Host.Logging;
using KubeKey.Host.Plugins;
using Serilog;

namespace KubeKey.Host.Commands;

/// <summary>
/// <c>kubekey templates dump DIR</c>: writes the configured templates plugin's default pages
/// into a folder, as the starting point for custom ones. What it wrote goes to stderr.
/// </summary>
internal sealed class TemplatesCommand
{
    private const string DumpAction = "dump";

    private readonly HostEnvironment _environment;

    public TemplatesCommand(HostEnvironment environment)
    {
        _environment = environment;
    }

    public int Run(TemplatesOptions options)
    {
        var directory = Validate(options);
        var settings = _environment.ResolveSettings(options);
        using var log = LogSetup.Create(settings.LogLevel, settings.LogFile, _environment.Stderr);

        var source = LoadSource(settings, log);
        IReadOnlyList<string> written;
        try
        {
            written = source.DumpDefaults(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw TemplatesException.DumpFailed(directory, e);
        }

        foreach (var path in written)
        {
            _environment.Stderr.WriteLine($"kubekey: wrote {path}");
        }

        return 0;
    }

    private static string Validate(TemplatesOptions options)
    {
        if (options.Action is null)
        {
            throw TemplatesException.MissingAction();
        }

        if (!string.Equals(options.Action, DumpAction, StringComparison.Ordinal))
        {
            throw TemplatesException.UnknownAction(options.Action);
        }

        return string.IsNullOrWhiteSpace(options.Directory)
            ? throw TemplatesException.MissingDirectory()
            : options.Directory;
    }

    private ITemplateSource LoadSource(KubeKeySettings settings, ILogger log)
    {
        var plugin = PluginCatalog.ForHost(_environment, settings, log).Load(PluginSlot.Templates, settings.Templates);
        log.Debug("Templates: {Plugin} {Version}", plugin.Metadata.Name, plugin.Metadata.Version);

        var context = PluginContext.For(
            plugin, settings, _environment.StdinIsTerminal, log, _environment.GetEnvironmentVariable);

        // Dumping is an optional capability: a renderer may be unable to, and still render logins.
        return plugin.Registry.TemplateRenderer!(context) as ITemplateSource
            ?? throw TemplatesException.CannotDump(plugin.Metadata.Name);
    }
}
