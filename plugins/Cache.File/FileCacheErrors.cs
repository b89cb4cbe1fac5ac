using KubeKey.Abstractions;

namespace KubeKey.Cache.File;

/// <summary>
/// The user-facing failures of the file cache, each a sentence that names the folder, file or
/// variable at fault and how to fix it. None of them ever includes a key, passphrase or token.
/// </summary>
internal static class FileCacheErrors
{
    public static TokenCacheException FolderNotWritable(string folder, Exception cause) =>
        new($"The token cache folder '{folder}' cannot be created or written to; make it a folder "
            + "you own and can write, or choose another one with --token-cache-dir.", cause);

    public static TokenCacheException FolderNotReadable(string folder, Exception cause) =>
        new($"The token cache folder '{folder}' cannot be read; make it a folder you own "
            + "(mode 700), or choose another one with --token-cache-dir.", cause);

    public static TokenCacheException EntryNotReadable(string path, Exception cause) =>
        new($"The token cache file '{path}' cannot be read; give it back to your user with "
            + "mode 600, or delete it to log in again.", cause);

    public static TokenCacheException EntryNotRemovable(string path, Exception cause) =>
        new($"The token cache file '{path}' cannot be deleted; make its folder writable by you, "
            + "or delete the file yourself.", cause);

    public static TokenCacheException ConflictingKeySources(string first, string second) =>
        new($"Both {first} and {second} are set, but the file token cache takes its key from one "
            + "place only; unset one of them.");

    public static TokenCacheException KeyVariableInvalid(string variable, int decodedLength) =>
        new($"{variable} must hold the base64 encoding of exactly 32 bytes, but "
            + (decodedLength < 0
                ? "it is not valid base64"
                : $"it decodes to {decodedLength} bytes")
            + "; generate one with 'head -c 32 /dev/urandom | base64', or unset it.");

    public static TokenCacheException PassphraseEmpty(string variable) =>
        new($"{variable} is set but empty; set it to the passphrase for the file token cache, "
            + "or unset it.");

    public static TokenCacheException KeyFileNotAbsolute(string path, string origin) =>
        new($"The key file '{path}' named by {origin} is not an absolute path; kubectl starts "
            + "kubekey from any folder, so give the full path.");

    public static TokenCacheException KeyFileMissing(string path, string origin) =>
        new($"The key file '{path}' named by {origin} does not exist; create it with "
            + $"'head -c 32 /dev/urandom > {path} && chmod 600 {path}', or unset {origin}.");

    public static TokenCacheException KeyFileTooOpen(string path, UnixFileMode mode) =>
        new($"The key file '{path}' of the file token cache is open to other users "
            + $"(mode {UnixPermissions.Format(mode)}); restrict it with 'chmod 600 {path}'.");

    public static TokenCacheException KeyFileInvalid(string path) =>
        new($"The key file '{path}' of the file token cache does not hold a key; it must hold "
            + "exactly 32 random bytes or their base64 encoding, e.g. from 'head -c 32 /dev/urandom'.");

    public static TokenCacheException KeyFileNotReadable(string path, Exception cause) =>
        new($"The key file '{path}' of the file token cache cannot be read; make it yours with "
            + "mode 600.", cause);

    public static TokenCacheException KeyFileNotCreated(string path, Exception cause) =>
        new($"The key file of the file token cache cannot be created at '{path}'; make its folder "
            + "writable by you, or supply a key with KUBEKEY_FILE_CACHE_KEY_FILE.", cause);

    public static TokenCacheException AesGcmUnsupported() =>
        new("The file token cache needs AES-GCM, which this system's cryptography library does not "
            + "offer; install a current OpenSSL, or choose a keyring cache backend.");
}
