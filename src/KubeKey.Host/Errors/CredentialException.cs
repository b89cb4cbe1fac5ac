using KubeKey.Core.Errors;

namespace KubeKey.Host.Errors;

/// <summary>No credential could be produced for kubectl.</summary>
internal sealed class CredentialException : KubeKeyException
{
    private CredentialException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public static CredentialException LoginUnavailable(string issuer, string state) =>
        new($"The cached token for {issuer} {state}, and this kubekey cannot log in yet. Store a fresh token "
            + "in the cache, or use a kubekey build with browser login.");

    public static CredentialException CacheTimeout(string plugin, TimeSpan waited) =>
        new($"The token cache '{plugin}' did not answer within {waited.TotalSeconds:0} s. Check that the keyring "
            + "service is running, or choose another cache with --cache or KUBEKEY_CACHE.");
}
