using KubeKey.Abstractions;

namespace KubeKey.Cache.WindowsCredMan;

/// <summary>
/// Turns Credential Manager failures into the messages a person sees. Messages name the operation
/// and the credential's target (a hash, not a secret); never a blob.
/// </summary>
internal static class CredentialErrors
{
    /// <summary>
    /// The exception for a failed <paramref name="operation"/> ("read", "write", "delete", "list")
    /// on <paramref name="target"/>.
    /// </summary>
    public static TokenCacheException For(int error, string operation, string target) => error switch
    {
        Win32Error.NoSuchLogonSession => new TokenCacheException(
            $"Windows Credential Manager could not {operation} the credential \"{target}\" because this logon "
            + "session has no credential store (a service, a scheduled task or a network logon); run kubectl "
            + "from an interactive logon, or select the KubeKey.Cache.File cache backend."),
        Win32Error.AccessDenied => new TokenCacheException(
            $"Windows Credential Manager denied access while trying to {operation} the credential \"{target}\"; "
            + "delete that credential in Control Panel > Credential Manager and log in again."),
        Win32Error.InvalidParameter or Win32Error.InvalidFlags or Win32Error.BadUserName => new TokenCacheException(
            $"Windows Credential Manager rejected the request to {operation} the credential \"{target}\" "
            + $"(Win32 error {error}); this is a kubekey bug, please report it with this message."),
        _ => new TokenCacheException(
            $"Windows Credential Manager failed to {operation} the credential \"{target}\" (Win32 error {error}); "
            + "try again, and select the KubeKey.Cache.File cache backend if it keeps failing."),
    };

    /// <summary>The exception for selecting this backend on another operating system.</summary>
    public static TokenCacheException NotWindows() => new(
        "The KubeKey.Cache.WindowsCredMan cache backend works only on Windows; select KubeKey.Cache.File, "
        + "or the keyring backend of this system (KubeKey.Cache.SecretService or KubeKey.Cache.MacKeychain).");
}
