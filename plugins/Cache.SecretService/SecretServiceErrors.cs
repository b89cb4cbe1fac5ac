using KubeKey.Abstractions;

namespace KubeKey.Cache.SecretService;

/// <summary>
/// The user-facing failures of the Secret Service cache, each a sentence that says what is wrong
/// and how to get going again. None of them includes a token, payload or other secret.
/// </summary>
internal static class SecretServiceErrors
{
    private const string FileCacheHint = "or choose the file cache with KUBEKEY_CACHE=file";

    public static TokenCacheException NoBusAddress() =>
        new("kubekey found no D-Bus session bus for the Secret Service: DBUS_SESSION_BUS_ADDRESS is "
            + "not set and $XDG_RUNTIME_DIR/bus does not exist; run kubekey inside a desktop session, "
            + FileCacheHint + ".");

    public static TokenCacheException NoBus(string address, Exception cause) =>
        new($"kubekey cannot connect to the D-Bus session bus at '{address}' ({cause.Message}); check "
            + "DBUS_SESSION_BUS_ADDRESS and that the session is still running, " + FileCacheHint + ".", cause);

    public static TokenCacheException NoService(Exception cause) =>
        new("No Secret Service (org.freedesktop.secrets) answers on the D-Bus session bus; start "
            + "GNOME Keyring, KWallet or KeePassXC with Secret Service integration, " + FileCacheHint + ".",
            cause);

    public static TokenCacheException NoAnswer(string member, TimeSpan timeout) =>
        new(NoAnswerMessage(member, timeout));

    public static TokenCacheException NoAnswer(string member, TimeSpan timeout, Exception cause) =>
        new(NoAnswerMessage(member, timeout), cause);

    public static TokenCacheException CallFailed(string member, string errorName, string? detail, Exception cause) =>
        new($"The Secret Service refused {member} with {errorName}"
            + (string.IsNullOrEmpty(detail) ? string.Empty : $" ('{detail}')")
            + "; check the keyring daemon's log, " + FileCacheHint + ".", cause);

    public static TokenCacheException ConnectionLost(Exception cause) =>
        new($"The connection to the D-Bus session bus broke ({cause.Message}); run the command again, "
            + FileCacheHint + ".", cause);

    public static TokenCacheException NoDefaultCollection(Exception cause) =>
        new("The Secret Service has no default keyring to store tokens in; create one (for example "
            + "with Seahorse, named 'login'), " + FileCacheHint + ".", cause);

    public static TokenCacheException Locked() => new(LockedMessage);

    public static TokenCacheException Locked(Exception cause) => new(LockedMessage, cause);

    private static string NoAnswerMessage(string member, TimeSpan timeout) =>
        $"The Secret Service did not answer {member} within {timeout.TotalSeconds:0.#} seconds; check "
        + "that the keyring daemon is running and not stopped, " + FileCacheHint + ".";

    private const string LockedMessage =
        "The keyring is locked; unlock it (log in to the desktop, or open Seahorse and unlock the "
        + "'login' keyring) and run the command again, " + FileCacheHint + ".";

    public static TokenCacheException UnlockDismissed() =>
        new("The keyring is locked and its unlock prompt was dismissed or could not be shown; unlock "
            + "the keyring and run the command again, " + FileCacheHint + ".");

    public static TokenCacheException UnlockTimedOut(TimeSpan timeout, Exception cause) =>
        new($"The keyring is locked and nobody answered its unlock prompt within "
            + $"{timeout.TotalSeconds:0} seconds; unlock the keyring and run the command again, "
            + FileCacheHint + ".", cause);
}
