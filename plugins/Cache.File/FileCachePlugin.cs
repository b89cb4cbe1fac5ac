using System.Reflection;
using KubeKey.Abstractions;

namespace KubeKey.Cache.File;

/// <summary>
/// The encrypted file cache: one AES-256-GCM sealed file per cached login in kubekey's cache
/// folder, for hosts without a keyring (servers, containers, SSH sessions).
/// </summary>
/// <remarks>
/// The key comes from the per-user key file in kubekey's data folder, made on first use, unless
/// an administrator supplies one through <c>KUBEKEY_FILE_CACHE_KEY</c>,
/// <c>KUBEKEY_FILE_CACHE_KEY_FILE</c>, <c>KUBEKEY_FILE_CACHE_PASSPHRASE</c> or the
/// <c>keyFile</c> plugin setting. See docs/cache-backends.md for the threat model.
/// </remarks>
public sealed class FileCachePlugin : IKubeKeyPlugin
{
    /// <summary>The plugin's name, equal to its folder and assembly name.</summary>
    public const string PluginName = "KubeKey.Cache.File";

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = new(
        PluginName,
        typeof(FileCachePlugin).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? "0.1.0",
        PluginContract.Version,
        "Encrypted files in the cache folder (AES-256-GCM), for hosts without a keyring.",
        []);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);

        registry.AddTokenCache(FileTokenCache.Create);
    }
}
