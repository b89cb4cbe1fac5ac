namespace KubeKey.Abstractions;

/// <summary>
/// A cache backend could not do what was asked. The message is shown to the person at the
/// terminal as it is: a full sentence saying what failed and how to fix it, never holding a
/// token or other secret.
/// </summary>
public sealed class TokenCacheException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public TokenCacheException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a user-facing message and the failure behind it.</summary>
    public TokenCacheException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
