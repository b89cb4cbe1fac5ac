using System.Runtime.Versioning;
using KubeKey.Abstractions;
using KubeKey.Testing;

namespace KubeKey.Cache.File.Tests;

public sealed class KeyFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void ReadOrCreate_NoFile_CreatesA600FileIn700Folders()
    {
        var path = _temp.Combine("data", "kubekey", "file-cache.key");

        var key = KeyFile.ReadOrCreate(path);

        Assert.Equal(32, key.Length);
        Assert.Equal(key, System.IO.File.ReadAllBytes(path));
        Assert.Equal(UnixPermissions.PrivateFile, System.IO.File.GetUnixFileMode(path));
        Assert.Equal(UnixPermissions.PrivateFolder, System.IO.File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.Single(Directory.EnumerateFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void ReadOrCreate_ExistingFile_ReturnsTheSameKey()
    {
        var path = _temp.Combine("file-cache.key");
        var first = KeyFile.ReadOrCreate(path);

        var second = KeyFile.ReadOrCreate(path);

        Assert.Equal(first, second);
    }

    [Fact]
    public void ReadOrCreate_ParallelFirstUse_AllGetOneKey()
    {
        var path = _temp.Combine("file-cache.key");

        var keys = Enumerable.Range(0, 8).AsParallel().Select(_ => KeyFile.ReadOrCreate(path)).ToList();

        Assert.All(keys, key => Assert.Equal(System.IO.File.ReadAllBytes(path), key));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Read_FileOpenToOthers_ThrowsWithTheChmodToRun()
    {
        var path = WriteKeyFile(new byte[32]);
        System.IO.File.SetUnixFileMode(path, UnixPermissions.PrivateFile | UnixFileMode.GroupRead);

        var error = Assert.Throws<TokenCacheException>(() => KeyFile.Read(path, "KUBEKEY_FILE_CACHE_KEY_FILE"));

        Assert.Contains("0640", error.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 {path}", error.Message, StringComparison.Ordinal);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void ReadOrCreate_DefaultFileOpenToOthers_ThrowsRatherThanReplacingIt()
    {
        var path = WriteKeyFile(new byte[32]);
        System.IO.File.SetUnixFileMode(path, UnixPermissions.PrivateFile | UnixFileMode.OtherRead);

        Assert.Throws<TokenCacheException>(() => KeyFile.ReadOrCreate(path));

        Assert.Equal(new byte[32], System.IO.File.ReadAllBytes(path));
    }

    [Fact]
    public void Read_MissingFile_ThrowsSayingHowToCreateIt()
    {
        var path = _temp.Combine("missing.key");

        var error = Assert.Throws<TokenCacheException>(() => KeyFile.Read(path, "KUBEKEY_FILE_CACHE_KEY_FILE"));

        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("head -c 32 /dev/urandom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Base64Text_ReturnsTheDecodedKey()
    {
        var key = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        var path = WriteKeyFile(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n"));

        var read = KeyFile.Read(path, "the plugin setting 'keyFile'");

        Assert.Equal(key, read);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(33)]
    [InlineData(4096)]
    public void Read_NotAKey_ThrowsSayingWhatAKeyFileHolds(int length)
    {
        var path = WriteKeyFile(new byte[length]);

        var error = Assert.Throws<TokenCacheException>(() => KeyFile.Read(path, "KUBEKEY_FILE_CACHE_KEY_FILE"));

        Assert.Contains("exactly 32 random bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOrCreate_FolderUnderARegularFile_ThrowsNamingThePath()
    {
        var blocker = _temp.Combine("afile");
        System.IO.File.WriteAllText(blocker, "not a folder");
        var path = Path.Combine(blocker, "kubekey", "file-cache.key");

        var error = Assert.Throws<TokenCacheException>(() => KeyFile.ReadOrCreate(path));

        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("KUBEKEY_FILE_CACHE_KEY_FILE", error.Message, StringComparison.Ordinal);
    }

    private string WriteKeyFile(byte[] contents)
    {
        var path = _temp.Combine($"key-{Guid.NewGuid():N}");
        using var stream = new FileStream(path, UnixPermissions.NewPrivateFile());
        stream.Write(contents);
        return path;
    }
}
