using KubeKey.Abstractions;

namespace KubeKey.Cache.File;

/// <summary>
/// Picks the key source from what the person or an administrator configured. In order: the key
/// itself (<see cref="KeyVariable"/>), a key file (<see cref="KeyFileVariable"/>), a passphrase
/// (<see cref="PassphraseVariable"/>), the <see cref="KeyFileSetting"/> plugin setting, and by
/// default the per-user key file under the data folder, made on first use.
/// </summary>
internal static class KeySources
{
    /// <summary>The key, as base64 of 32 bytes.</summary>
    public const string KeyVariable = "KUBEKEY_FILE_CACHE_KEY";

    /// <summary>The absolute path of a key file an administrator provides.</summary>
    public const string KeyFileVariable = "KUBEKEY_FILE_CACHE_KEY_FILE";

    /// <summary>A passphrase the key is derived from.</summary>
    public const string PassphraseVariable = "KUBEKEY_FILE_CACHE_PASSPHRASE";

    /// <summary>The plugin setting naming a key file, for machine-wide configuration.</summary>
    public const string KeyFileSetting = "keyFile";

    /// <summary>The per-user key file's name in <see cref="IPluginContext.DataDirectory"/>.</summary>
    public const string DefaultKeyFileName = "file-cache.key";

    /// <summary>Chooses the source; reads the environment and settings, never a file.</summary>
    /// <exception cref="TokenCacheException">The configuration is contradictory or malformed.</exception>
    public static IKeySource Resolve(IPluginContext context) =>
        Resolve(context, PassphraseKeySource.DefaultIterations);

    /// <summary>As <see cref="Resolve(IPluginContext)"/>, with the passphrase's cost given.</summary>
    public static IKeySource Resolve(IPluginContext context, int passphraseIterations)
    {
        var key = context.GetEnvironmentVariable(KeyVariable);
        var keyFile = context.GetEnvironmentVariable(KeyFileVariable);
        var passphrase = context.GetEnvironmentVariable(PassphraseVariable);
        RejectConflicts(
            (KeyVariable, key), (KeyFileVariable, keyFile), (PassphraseVariable, passphrase));

        if (key is not null)
        {
            var decoded = DecodeKey(key);
            return new RawKeySource($"the key in {KeyVariable}", () => decoded);
        }

        if (keyFile is not null)
        {
            return FromKeyFile(keyFile, KeyFileVariable);
        }

        if (passphrase is not null)
        {
            return passphrase.Length == 0
                ? throw FileCacheErrors.PassphraseEmpty(PassphraseVariable)
                : new PassphraseKeySource(passphrase, passphraseIterations);
        }

        var setting = context.GetSetting(KeyFileSetting);
        if (setting is not null)
        {
            return FromKeyFile(setting, $"the plugin setting '{KeyFileSetting}'");
        }

        var defaultPath = Path.Combine(context.DataDirectory, DefaultKeyFileName);
        return new RawKeySource(
            $"the key file '{defaultPath}'", () => KeyFile.ReadOrCreate(defaultPath));
    }

    private static RawKeySource FromKeyFile(string path, string origin) =>
        new($"the key file '{path}'", () => KeyFile.Read(path, origin));

    private static void RejectConflicts(params ReadOnlySpan<(string Name, string? Value)> sources)
    {
        string? first = null;
        foreach (var (name, value) in sources)
        {
            if (value is null)
            {
                continue;
            }

            if (first is not null)
            {
                throw FileCacheErrors.ConflictingKeySources(first, name);
            }

            first = name;
        }
    }

    private static byte[] DecodeKey(string base64)
    {
        var text = base64.Trim();
        var key = new byte[KeyFile.KeyLength];
        if (Convert.TryFromBase64String(text, key, out var written) && written == KeyFile.KeyLength)
        {
            return key;
        }

        // Say how long it was when it is base64, so "I pasted 16 bytes" is easy to see; the
        // value itself is a secret and stays out of the message.
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        var length = Convert.TryFromBase64String(text, buffer, out var decoded) ? decoded : -1;
        throw FileCacheErrors.KeyVariableInvalid(KeyVariable, length);
    }
}
