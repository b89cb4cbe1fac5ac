using System.Security.Cryptography;
using System.Text;
using KubeKey.Abstractions;

namespace KubeKey.Cache.File;

/// <summary>
/// Reads and creates the files that hold the cache's 32-byte key: raw bytes, or their base64
/// encoding for keys an administrator wrote with a text tool. A key file must be private to its
/// owner (mode 600): one that others can read is refused, never used.
/// </summary>
internal static class KeyFile
{
    /// <summary>The length of an AES-256 key.</summary>
    public const int KeyLength = 32;

    // Raw key files are exactly 32 bytes; base64 ones are 44 characters plus perhaps a newline.
    private const int MaxFileLength = 256;

    /// <summary>Reads a key file someone else supplied; it must exist.</summary>
    /// <param name="path">The file, an absolute path.</param>
    /// <param name="origin">The setting or variable that named it, for messages.</param>
    /// <exception cref="TokenCacheException">The file is missing, open to others or no key.</exception>
    public static byte[] Read(string path, string origin)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            throw FileCacheErrors.KeyFileNotAbsolute(path, origin);
        }

        return TryRead(path) ?? throw FileCacheErrors.KeyFileMissing(path, origin);
    }

    /// <summary>Reads the per-user key file, creating it with a new random key on first use.</summary>
    /// <exception cref="TokenCacheException">
    /// The file cannot be created, is open to others or holds no key.
    /// </exception>
    public static byte[] ReadOrCreate(string path)
    {
        var existing = TryRead(path);
        if (existing is not null)
        {
            return existing;
        }

        var key = RandomNumberGenerator.GetBytes(KeyLength);
        var temporary = $"{path}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp";
        try
        {
            UnixPermissions.CreatePrivateFolder(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temporary, UnixPermissions.NewPrivateFile()))
            {
                stream.Write(key);
                stream.Flush(flushToDisk: true);
            }

            // Not overwriting makes the first of two racing processes win; the loser reads the
            // winner's key below, so both seal with the same key.
            System.IO.File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (System.IO.File.Exists(path))
        {
            CryptographicOperations.ZeroMemory(key);
            return TryRead(path) ?? throw FileCacheErrors.KeyFileInvalid(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw FileCacheErrors.KeyFileNotCreated(path, e);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static byte[]? TryRead(string path)
    {
        try
        {
            using var handle = System.IO.File.OpenHandle(path, FileMode.Open, FileAccess.Read);
            var tooOpen = UnixPermissions.TooOpenMode(handle);
            if (tooOpen is not null)
            {
                throw FileCacheErrors.KeyFileTooOpen(path, tooOpen.Value);
            }

            var length = RandomAccess.GetLength(handle);
            if (length > MaxFileLength)
            {
                throw FileCacheErrors.KeyFileInvalid(path);
            }

            var content = new byte[length];
            var read = RandomAccess.Read(handle, content, 0);
            return Decode(content.AsSpan(0, read)) ?? throw FileCacheErrors.KeyFileInvalid(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw FileCacheErrors.KeyFileNotReadable(path, e);
        }
    }

    private static byte[]? Decode(ReadOnlySpan<byte> content)
    {
        if (content.Length == KeyLength)
        {
            return content.ToArray();
        }

        var key = new byte[KeyLength];
        var text = Encoding.ASCII.GetString(content).Trim();
        var valid = Convert.TryFromBase64String(text, key, out var written) && written == KeyLength;
        return valid ? key : null;
    }

    private static void TryDelete(string path)
    {
        try
        {
            System.IO.File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The leftover is mode 600 in the owner's private folder and nothing reads it, so a
            // failed clean-up costs disk space only.
        }
    }
}
