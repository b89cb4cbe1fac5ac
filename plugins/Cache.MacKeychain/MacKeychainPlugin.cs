using KubeKey.Abstractions;

namespace KubeKey.Cache.MacKeychain;

/// <summary>
/// The plugin entry point: provides a token cache kept in the macOS keychain as generic password
/// items, one per cache key, under the service "io.github.kubekey".
/// </summary>
public sealed class MacKeychainPlugin : IKubeKeyPlugin
{
    /// <summary>The plugin's name, equal to its folder and assembly name.</summary>
    public const string Name = "KubeKey.Cache.MacKeychain";

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = new(
        Name,
        typeof(MacKeychainPlugin).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        PluginContract.Version,
        "Caches logins in the macOS keychain through Security.framework, tokens of any size.",
        ["macos"]);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddTokenCache(CreateCache);
    }

    private static ITokenCache CreateCache(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = MacKeychainOptions.FromContext(context);
        if (!OperatingSystem.IsMacOS())
        {
            throw KeychainErrors.NotMacOS();
        }

        return new MacKeychainTokenCache(new SecurityFrameworkKeychain(options.AllowPrompts), options, context.Log);
    }
}
