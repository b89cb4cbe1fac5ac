using System.Reflection;
using KubeKey.Abstractions;

namespace KubeKey.Browser.System;

/// <summary>
/// The plugin that opens the login page in the person's own browser: a configured command,
/// <c>$BROWSER</c> or <c>xdg-open</c> on Linux, <c>wslview</c> or <c>cmd.exe</c> under WSL,
/// <c>open</c> on macOS and the shell on Windows.
/// </summary>
/// <remarks>
/// Settings (section <c>plugins.KubeKey.Browser.System</c>): <c>command</c>, a program and its
/// arguments with <c>{url}</c> where the URL goes (appended when absent), split into words
/// without a shell. The environment variable <c>KUBEKEY_BROWSER_COMMAND</c> overrides it.
/// </remarks>
public sealed class SystemBrowserPlugin : IKubeKeyPlugin
{
    /// <summary>The plugin's name, equal to its folder and assembly name.</summary>
    public const string PluginName = "KubeKey.Browser.System";

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = new(
        PluginName,
        ReadVersion(),
        PluginContract.Version,
        "Opens the login page in the system browser or a configured command.",
        []);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddBrowserLauncher(context => new ProcessBrowserLauncher(
            new BrowserCommandPlanner(new SystemProbe(context)),
            context.Log,
            ProcessBrowserLauncher.DefaultStartupGrace));
    }

    private static string ReadVersion()
    {
        var version = typeof(SystemBrowserPlugin).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

        // The SDK appends "+<commit>"; the plugin's version is the part before it.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
