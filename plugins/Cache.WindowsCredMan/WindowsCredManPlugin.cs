using KubeKey.Abstractions;

namespace KubeKey.Cache.WindowsCredMan;

/// <summary>
/// The plugin entry point: provides a token cache kept in Windows Credential Manager as
/// generic credentials named "kubekey:&lt;cache key&gt;".
/// </summary>
public sealed class WindowsCredManPlugin : IKubeKeyPlugin
{
    /// <summary>The plugin's name, equal to its folder and assembly name.</summary>
    public const string Name = "KubeKey.Cache.WindowsCredMan";

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = new(
        Name,
        typeof(WindowsCredManPlugin).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        PluginContract.Version,
        "Caches logins in Windows Credential Manager, splitting tokens over 2.5 KB across credentials.",
        ["windows"]);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddTokenCache(CreateCache);
    }

    private static ITokenCache CreateCache(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!OperatingSystem.IsWindows())
        {
            throw CredentialErrors.NotWindows();
        }

        return new CredManTokenCache(new Advapi32CredentialStore(), new CredentialTargets(), context.Log);
    }
}
