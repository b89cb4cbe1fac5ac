using KubeKey.Abstractions;

namespace KubeKey.Host.Plugins;

/// <summary>The cache backend a run uses, and why it was chosen.</summary>
/// <param name="Backend">The backend and its cache.</param>
/// <param name="Explicit">Whether the <c>cache</c> setting named it (flag, environment or config).</param>
/// <param name="PassedOver">
/// The backends tried before it in the automatic order, each with why it was not used; empty
/// when the first choice for this OS was taken or the choice was explicit.
/// </param>
internal sealed record CacheSelection(CacheBackend Backend, bool Explicit, IReadOnlyList<PassedOverBackend> PassedOver)
{
    public string Name => Backend.Name;

    public ITokenCache Cache => Backend.Cache;

    /// <summary>
    /// Whether an installed keyring backend that should have been used here could not work, so
    /// the run fell back to a later one: the case the person is told about.
    /// </summary>
    public bool FellBack => !Explicit && PassedOver.Any(p => p.Installed);

    /// <summary>Why this backend is used, in words for the log and <c>kubekey doctor</c>.</summary>
    public string Reason => Explicit
        ? "chosen by the cache setting (--cache, KUBEKEY_CACHE or \"cache\" in config.json)"
        : PassedOver.Count == 0
            ? $"chosen automatically: the first choice on {PluginException.PlatformName}"
            : $"chosen automatically, because {string.Join("; ", PassedOver.Select(p => p.Describe()))}";
}
