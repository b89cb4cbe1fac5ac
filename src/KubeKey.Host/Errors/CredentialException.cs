using KubeKey.Core.Errors;

namespace KubeKey.Host.Errors;

/// <summary>No credential could be produced for kubectl.</summary>
internal sealed class CredentialException : KubeKeyException
{
    private CredentialException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public static CredentialException CacheTimeout(string plugin, TimeSpan waited) =>
        new($"The token cache '{plugin}' did not answer within {waited.TotalSeconds:0} s. Check that the keyring "
            + "service is running, or choose another cache with --cache or KUBEKEY_CACHE.");
}
