using System.Security.Cryptography;
using System.Text;

namespace KubeKey.Cache.File;

/// <summary>
/// Seals payloads into cache files with AES-256-GCM and opens them again. The cache key value
/// and the whole header are the associated data, so a file copied under another key's name, or
/// with any byte of its header or ciphertext changed, fails to open instead of yielding a token.
/// </summary>
/// <remarks>
/// Layout: "KKFC", format version (1 byte), key source kind (1 byte), the key source's
/// parameters, nonce (12 bytes), tag (16 bytes), ciphertext. A fresh random nonce per file is
/// safe for the handful of files one key ever seals (NIST SP 800-38D §8.3 allows 2^32).
/// </remarks>
internal sealed class EntryCipher(IKeySource keys)
{
    private const byte FormatVersion = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private static ReadOnlySpan<byte> Magic => "KKFC"u8;

    private int HeaderLength => Magic.Length + 2 + keys.ParameterLength + NonceLength;

    /// <summary>Names where the key comes from, for warnings.</summary>
    public string KeyDescription => keys.Description;

    /// <summary>Seals <paramref name="payload"/> for the cache key <paramref name="keyValue"/>.</summary>
    /// <returns>The complete file contents.</returns>
    public byte[] Seal(string keyValue, ReadOnlySpan<byte> payload)
    {
        RequireAesGcm();
        var file = new byte[HeaderLength + TagLength + payload.Length];
        Magic.CopyTo(file);
        file[Magic.Length] = FormatVersion;
        file[Magic.Length + 1] = keys.Kind;
        var key = keys.KeyForNewFile(file.AsSpan(Magic.Length + 2, keys.ParameterLength));
        RandomNumberGenerator.Fill(file.AsSpan(HeaderLength - NonceLength, NonceLength));

        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Encrypt(
                file.AsSpan(HeaderLength - NonceLength, NonceLength),
                payload,
                file.AsSpan(HeaderLength + TagLength),
                file.AsSpan(HeaderLength, TagLength),
                AssociatedData(file, keyValue));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return file;
    }

    /// <summary>Opens a file <see cref="Seal"/> wrote for the same cache key value.</summary>
    /// <param name="keyValue">The cache key value the file is read for.</param>
    /// <param name="file">The file contents.</param>
    /// <param name="problem">Why the file cannot be opened, a clause for a warning; null on success.</param>
    /// <returns>The payload, or null when the file was not sealed with this key for this value.</returns>
    public byte[]? Open(string keyValue, ReadOnlySpan<byte> file, out string? problem)
    {
        RequireAesGcm();
        if (file.Length < Magic.Length + 2 || !file.StartsWith(Magic))
        {
            problem = "it is not a kubekey cache file, or it is truncated";
            return null;
        }

        if (file[Magic.Length] != FormatVersion)
        {
            var format = file[Magic.Length];
            problem = $"it was written in format {format}, which this version does not read";
            return null;
        }

        if (file[Magic.Length + 1] != keys.Kind)
        {
            problem = $"it was sealed with another kind of key than {keys.Description}";
            return null;
        }

        if (file.Length < HeaderLength + TagLength)
        {
            problem = "it is truncated";
            return null;
        }

        return Decrypt(keyValue, file, out problem);
    }

    private byte[]? Decrypt(string keyValue, ReadOnlySpan<byte> file, out string? problem)
    {
        var key = keys.KeyForFile(file.Slice(Magic.Length + 2, keys.ParameterLength));
        if (key is null)
        {
            problem = $"it was sealed with settings of {keys.Description} other than the current "
                + "ones";
            return null;
        }

        var payload = new byte[file.Length - HeaderLength - TagLength];
        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(
                file.Slice(HeaderLength - NonceLength, NonceLength),
                file[(HeaderLength + TagLength)..],
                file.Slice(HeaderLength, TagLength),
                payload,
                AssociatedData(file, keyValue));
            problem = null;
            return payload;
        }
        catch (AuthenticationTagMismatchException)
        {
            problem = $"it cannot be decrypted with {keys.Description}: the key changed, or the "
                + "file was altered, truncated or copied from another entry";
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    // The header up to the nonce, then the cache key value: binding the value stops a file being
    // served for another issuer or client, binding the header stops its fields being edited.
    private byte[] AssociatedData(ReadOnlySpan<byte> file, string keyValue)
    {
        var data = new byte[HeaderLength + keyValue.Length];
        file[..HeaderLength].CopyTo(data);
        Encoding.ASCII.GetBytes(keyValue, data.AsSpan(HeaderLength));
        return data;
    }

    private static void RequireAesGcm()
    {
        if (!AesGcm.IsSupported)
        {
            throw FileCacheErrors.AesGcmUnsupported();
        }
    }
}
