namespace KubeKey.Abstractions;

/// <summary>
/// Optional, for token caches that depend on something outside kubekey (a keyring daemon, a
/// session bus): says cheaply whether the cache can work here, before kubekey relies on it.
/// kubekey checks whether the <see cref="ITokenCache"/> a plugin provides also implements this
/// interface; a cache that does not is taken to work wherever its plugin's platforms say.
/// </summary>
/// <remarks>
/// kubekey asks when it chooses a cache backend automatically, when a backend was chosen
/// explicitly (so that one that cannot work fails with a clear message), and in
/// <c>kubekey doctor</c>. It runs on every kubectl call that reaches the host, so it must be
/// fast: kubekey gives up waiting after about one and a half seconds and treats the cache as
/// unusable.
/// </remarks>
public interface ITokenCacheProbe
{
    /// <summary>
    /// Checks whether the cache can work here, without reading or writing any entry and without
    /// ever prompting the person.
    /// </summary>
    /// <returns>
    /// <see langword="null"/> when the cache can work here; otherwise the reason it cannot, a full
    /// sentence that says what is missing and how to fix it, shown to the person as it is.
    /// Never throws for a missing or silent service: that is a reason, not an error.
    /// </returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<string?> ProbeAsync(CancellationToken cancellationToken);
}
