namespace KubeKey.Cache.SecretService.Interop;

/// <summary>
/// The Secret Service refused a call because the collection or item is locked. Internal: the
/// cache turns it into an unlock prompt or a <see cref="Abstractions.TokenCacheException"/>.
/// </summary>
internal sealed class KeyringLockedException : Exception
{
    public KeyringLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
