using System.Security.Cryptography;
using KubeKey.Abstractions;

namespace KubeKey.Cache.File;

/// <summary>
/// The files of the cache folder: one per cache key, named "&lt;key value&gt;.kkc", each replaced
/// in one rename so a reader sees the old file or the new one, never a mixture. Temporary files
/// (".&lt;key value&gt;.&lt;random&gt;.tmp") are invisible to reads and listings.
/// </summary>
internal sealed class CacheFolder(string path)
{
    /// <summary>The extension of entry files.</summary>
    public const string EntryExtension = ".kkc";

    /// <summary>The extension of files being written.</summary>
    public const string TemporaryExtension = ".tmp";

    // Real entries are a few kilobytes (16 KB tokens included); anything far bigger is not ours,
    // and reading it whole would only waste memory.
    private const int MaxEntryLength = 1024 * 1024;

    /// <summary>The folder itself.</summary>
    public string Path { get; } = path;

    /// <summary>The file that holds the entry for <paramref name="keyValue"/>.</summary>
    public string EntryPath(string keyValue) =>
        System.IO.Path.Combine(Path, keyValue + EntryExtension);

    /// <summary>Reads an entry file.</summary>
    /// <returns>
    /// The contents; null when there is no such file, or (with a <paramref name="problem"/>)
    /// when it is not one to trust.
    /// </returns>
    /// <exception cref="TokenCacheException">The file exists but cannot be read.</exception>
    public byte[]? Read(string keyValue, out string? problem)
    {
        problem = null;
        var file = EntryPath(keyValue);
        try
        {
            using var handle = System.IO.File.OpenHandle(file, FileMode.Open, FileAccess.Read);

            // A file others may write could have been planted; one others may read has leaked.
            var tooOpen = UnixPermissions.TooOpenMode(handle);
            if (tooOpen is not null)
            {
                var mode = UnixPermissions.Format(tooOpen.Value);
                problem = $"its mode {mode} lets other users at it (it must be 0600)";
                return null;
            }

            var length = RandomAccess.GetLength(handle);
            if (length > MaxEntryLength)
            {
                problem = $"it is {length} bytes long, far more than any cache entry";
                return null;
            }

            var contents = new byte[length];
            var read = RandomAccess.Read(handle, contents, 0);
            return read == length ? contents : contents[..read];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw FileCacheErrors.EntryNotReadable(file, e);
        }
    }

    /// <summary>Replaces the entry file for <paramref name="keyValue"/>, atomically.</summary>
    /// <exception cref="TokenCacheException">
    /// The folder cannot be created or written; the previous file is left as it was.
    /// </exception>
    public void Write(string keyValue, ReadOnlySpan<byte> contents)
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var temporary = System.IO.Path.Combine(Path, $".{keyValue}.{suffix}{TemporaryExtension}");
        try
        {
            UnixPermissions.CreatePrivateFolder(Path);
            using (var stream = new FileStream(temporary, UnixPermissions.NewPrivateFile()))
            {
                stream.Write(contents);

                // fsync before the rename, or a power cut could leave the name on an empty file.
                stream.Flush(flushToDisk: true);
            }

            System.IO.File.Move(temporary, EntryPath(keyValue), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw FileCacheErrors.FolderNotWritable(Path, e);
        }
    }

    /// <summary>Deletes the entry file for <paramref name="keyValue"/>.</summary>
    /// <returns>Whether there was a file to delete.</returns>
    /// <exception cref="TokenCacheException">The file exists but cannot be deleted.</exception>
    public bool Delete(string keyValue)
    {
        var file = EntryPath(keyValue);
        if (!System.IO.File.Exists(file))
        {
            return false;
        }

        try
        {
            System.IO.File.Delete(file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw FileCacheErrors.EntryNotRemovable(file, e);
        }
    }

    /// <summary>The key values of the entry files present; empty without a folder.</summary>
    /// <exception cref="TokenCacheException">The folder exists but cannot be listed.</exception>
    public IReadOnlyList<string> List()
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        try
        {
            var values = new List<string>();
            foreach (var file in Directory.EnumerateFiles(Path, "*" + EntryExtension))
            {
                var value = System.IO.Path.GetFileNameWithoutExtension(file);
                if (value.Length > 0 && value.All(char.IsAsciiHexDigitLower))
                {
                    values.Add(value);
                }
            }

            return values;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw FileCacheErrors.FolderNotReadable(Path, e);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            System.IO.File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder is failing already; the error thrown next says so. A leftover is mode
            // 600 and ignored by reads and listings.
        }
    }
}
