using KubeKey.Abstractions;

namespace KubeKey.Cache.MacKeychain;

/// <summary>
/// Turns keychain failures into the messages a person sees. Messages name the operation and the
/// item (by its label or service and account, never its secret).
/// </summary>
internal static class KeychainErrors
{
    /// <summary>
    /// The exception for a failed <paramref name="operation"/> ("read", "store", "remove", "list")
    /// on the item described by <paramref name="item"/>.
    /// </summary>
    public static TokenCacheException For(int status, string operation, string item) => status switch
    {
        KeychainStatus.InteractionNotAllowed => new TokenCacheException(
            $"The macOS keychain could not {operation} the item for {item} because it needs a prompt that "
            + "cannot be shown here (the keychain is locked, this is an SSH or background session, or the "
            + "prompt setting is \"never\"); unlock it with `security unlock-keychain` and try again."),
        KeychainStatus.UserCanceled => new TokenCacheException(
            $"Access to the macOS keychain item for {item} was refused at the keychain prompt; run the "
            + "command again and choose Allow or Always Allow."),
        KeychainStatus.AuthFailed => new TokenCacheException(
            $"The macOS keychain denied kubekey access to the item for {item}; unlock the keychain, or add "
            + "kubekey to the item's Access Control list in Keychain Access."),
        KeychainStatus.NoSuchKeychain or KeychainStatus.NotAvailable => new TokenCacheException(
            $"No macOS keychain is available to {operation} the item for {item}; set a default keychain "
            + "with `security default-keychain`, or select the KubeKey.Cache.File cache backend."),
        KeychainStatus.ReadOnly => new TokenCacheException(
            $"The macOS keychain is read-only, so kubekey cannot {operation} the item for {item}; make the "
            + "default keychain writable, or select the KubeKey.Cache.File cache backend."),
        _ => new TokenCacheException(
            $"The macOS keychain failed to {operation} the item for {item} (OSStatus {status}); "
            + $"`security error {status}` explains the code; select the KubeKey.Cache.File cache backend if "
            + "it keeps failing."),
    };

    /// <summary>The exception for a keychain call still waiting after <paramref name="timeout"/>.</summary>
    public static TokenCacheException TimedOut(TimeSpan timeout) => new(
        $"The macOS keychain did not answer within {timeout.TotalSeconds:0} seconds, most likely because a "
        + "keychain prompt is waiting; answer it with Allow or Always Allow, or set the prompt setting to "
        + "\"never\" to fail at once instead.");

    /// <summary>The exception for a setting of this plugin with a value it does not accept.</summary>
    public static TokenCacheException BadSetting(string name, string value, string expected) => new(
        $"The setting plugins.{MacKeychainPlugin.Name}.{name} is \"{value}\", which is not valid; "
        + $"set it to {expected}.");

    /// <summary>The exception for CoreFoundation failing to create an object, which means no memory.</summary>
    public static TokenCacheException OutOfMemory() => new(
        "CoreFoundation could not create a keychain query because memory ran out; close other programs and "
        + "try again.");

    /// <summary>The exception for selecting this backend on another operating system.</summary>
    public static TokenCacheException NotMacOS() => new(
        $"The {MacKeychainPlugin.Name} cache backend works only on macOS; select KubeKey.Cache.File, or "
        + "the keyring backend of this system (KubeKey.Cache.SecretService or KubeKey.Cache.WindowsCredMan).");
}
