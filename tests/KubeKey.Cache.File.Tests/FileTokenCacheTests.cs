using System.Runtime.Versioning;
using System.Text;
using KubeKey.Abstractions;
using KubeKey.Testing;

namespace KubeKey.Cache.File.Tests;

public sealed class FileTokenCacheTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakePluginContext _context;
    private readonly FileTokenCache _cache;

    public FileTokenCacheTests()
    {
        _context = new FakePluginContext(_temp.Path);
        _cache = FileTokenCache.Create(_context);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task GetAsync_AfterStore_ReturnsEveryField()
    {
        var stored = TestEntries.Entry();
        await _cache.StoreAsync(TestEntries.Key(), stored, CancellationToken.None);

        var entry = await _cache.GetAsync(TestEntries.Key(), CancellationToken.None);

        Assert.NotNull(entry);
        Assert.Equal(stored.IdToken, entry.IdToken);
        Assert.Equal(stored.RefreshToken, entry.RefreshToken);
        Assert.Equal(stored.ExpiresAt.ToUnixTimeSeconds(), entry.ExpiresAt.ToUnixTimeSeconds());
        Assert.Equal(stored.Issuer, entry.Issuer);
        Assert.Equal(stored.ClientId, entry.ClientId);
        Assert.Equal(stored.Subject, entry.Subject);
        Assert.Empty(_context.RecordingLog.Lines);
    }

    [Fact]
    public async Task GetAsync_OtherKeyStored_Misses()
    {
        await _cache.StoreAsync(TestEntries.Key("aa"), TestEntries.Entry(), CancellationToken.None);

        var entry = await _cache.GetAsync(TestEntries.Key("bb"), CancellationToken.None);

        Assert.Null(entry);
        Assert.Empty(_context.RecordingLog.Lines);
    }

    [Fact]
    public async Task StoreAsync_SecondStore_ReplacesTheFirst()
    {
        var first = TestEntries.Entry(idToken: "first.token.value");
        var second = TestEntries.Entry(idToken: "second.token.value");
        await _cache.StoreAsync(TestEntries.Key(), first, CancellationToken.None);

        await _cache.StoreAsync(TestEntries.Key(), second, CancellationToken.None);

        var entry = await _cache.GetAsync(TestEntries.Key(), CancellationToken.None);
        Assert.Equal("second.token.value", entry?.IdToken);
        Assert.Single(Directory.EnumerateFiles(_context.CacheDirectory));
    }

    [Fact]
    public async Task RemoveAsync_StoredEntry_ReturnsTrueAndLaterGetMisses()
    {
        await _cache.StoreAsync(TestEntries.Key(), TestEntries.Entry(), CancellationToken.None);

        var removed = await _cache.RemoveAsync(TestEntries.Key(), CancellationToken.None);

        Assert.True(removed);
        Assert.Null(await _cache.GetAsync(TestEntries.Key(), CancellationToken.None));
        Assert.False(await _cache.RemoveAsync(TestEntries.Key(), CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_NoCacheFolder_ReturnsFalse()
    {
        var removed = await _cache.RemoveAsync(TestEntries.Key(), CancellationToken.None);

        Assert.False(removed);
    }

    [Fact]
    public async Task ListAsync_TwoEntriesAndStrayFiles_ReturnsTheTwoKeyValues()
    {
        await _cache.StoreAsync(TestEntries.Key("0a"), TestEntries.Entry(), CancellationToken.None);
        await _cache.StoreAsync(TestEntries.Key("1b"), TestEntries.Entry(), CancellationToken.None);
        await System.IO.File.WriteAllTextAsync(Path.Combine(_context.CacheDirectory, "notes.txt"), "x");
        await System.IO.File.WriteAllTextAsync(Path.Combine(_context.CacheDirectory, "lock"), "x");

        var values = await _cache.ListAsync(CancellationToken.None);

        Assert.Equal(new[] { "0a", "1b" }, values.Order());
    }

    [Fact]
    public async Task ListAsync_NoCacheFolder_ReturnsEmpty()
    {
        var values = await _cache.ListAsync(CancellationToken.None);

        Assert.Empty(values);
    }

    [Fact]
    public async Task GetAsync_LargeIdTokenAndRefreshToken_RoundTrip()
    {
        var stored = TestEntries.Entry(idToken: TestEntries.LargeIdToken(), refreshToken: new string('r', 2048));
        await _cache.StoreAsync(TestEntries.Key(), stored, CancellationToken.None);

        var entry = await _cache.GetAsync(TestEntries.Key(), CancellationToken.None);

        Assert.True(stored.IdToken.Length >= 16 * 1024);
        Assert.Equal(stored.IdToken, entry?.IdToken);
        Assert.Equal(stored.RefreshToken, entry?.RefreshToken);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task StoreAsync_NewFolder_FolderIs700AndFileIs600()
    {
        await _cache.StoreAsync(TestEntries.Key(), TestEntries.Entry(), CancellationToken.None);

        var file = Assert.Single(Directory.EnumerateFiles(_context.CacheDirectory));
        Assert.Equal(UnixPermissions.PrivateFolder, System.IO.File.GetUnixFileMode(_context.CacheDirectory));
        Assert.Equal(UnixPermissions.PrivateFile, System.IO.File.GetUnixFileMode(file));
    }

    [Fact]
    public async Task StoreAsync_Always_WritesNoTokenInPlainText()
    {
        var stored = TestEntries.Entry(idToken: TestEntries.LargeIdToken(2048), refreshToken: "refresh-secret-4242");

        await _cache.StoreAsync(TestEntries.Key(), stored, CancellationToken.None);

        var file = Assert.Single(Directory.EnumerateFiles(_context.CacheDirectory));
        var bytes = await System.IO.File.ReadAllBytesAsync(file);
        var latin1 = Encoding.Latin1.GetString(bytes);
        Assert.DoesNotContain(stored.IdToken[..24], latin1, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.IdToken[^24..], latin1, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-secret-4242", latin1, StringComparison.Ordinal);
        Assert.DoesNotContain("id_token", latin1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreAsync_FolderUnderARegularFile_ThrowsNamingTheFolderAndTheFlag()
    {
        var blocker = _temp.Combine("afile");
        await System.IO.File.WriteAllTextAsync(blocker, "not a folder");
        var folder = Path.Combine(blocker, "cache");
        var cache = new FileTokenCache(folder, () => KeySources.Resolve(_context), _context.Log);
        var stored = TestEntries.Entry();

        var error = await Assert.ThrowsAsync<TokenCacheException>(
            () => cache.StoreAsync(TestEntries.Key(), stored, CancellationToken.None).AsTask());

        Assert.Contains($"'{folder}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("--token-cache-dir", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.IdToken, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(stored.RefreshToken!, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_FolderUnderARegularFile_MissesAndListsNothing()
    {
        var blocker = _temp.Combine("afile");
        await System.IO.File.WriteAllTextAsync(blocker, "not a folder");
        var folder = Path.Combine(blocker, "cache");
        var cache = new FileTokenCache(folder, () => KeySources.Resolve(_context), _context.Log);

        var entry = await cache.GetAsync(TestEntries.Key(), CancellationToken.None);
        var values = await cache.ListAsync(CancellationToken.None);

        Assert.Null(entry);
        Assert.Empty(values);
        Assert.Empty(_context.RecordingLog.Lines);
    }

    [Fact]
    public async Task GetAsync_LeftoverTemporaryFileFromACrashedWrite_IsIgnoredByGetAndList()
    {
        var stored = TestEntries.Entry(idToken: "complete.entry.token");
        await _cache.StoreAsync(TestEntries.Key(), stored, CancellationToken.None);
        var entryFile = Assert.Single(Directory.EnumerateFiles(_context.CacheDirectory));
        var halfWritten = (await System.IO.File.ReadAllBytesAsync(entryFile))[..40];
        var value = TestEntries.Key().Value;
        var ownTemporary = Path.Combine(_context.CacheDirectory, $".{value}.0badc0de.tmp");
        var orphanTemporary = Path.Combine(_context.CacheDirectory, ".ff.0badc0de.tmp");
        await System.IO.File.WriteAllBytesAsync(ownTemporary, halfWritten);
        await System.IO.File.WriteAllBytesAsync(orphanTemporary, halfWritten);

        var entry = await _cache.GetAsync(TestEntries.Key(), CancellationToken.None);
        var orphan = await _cache.GetAsync(TestEntries.Key("ff"), CancellationToken.None);
        var values = await _cache.ListAsync(CancellationToken.None);

        Assert.Equal("complete.entry.token", entry?.IdToken);
        Assert.Null(orphan);
        Assert.Equal(new[] { value }, values);
        Assert.Empty(_context.RecordingLog.Lines);
    }

    [Fact]
    public async Task GetAsync_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _cache.GetAsync(TestEntries.Key(), cancelled.Token).AsTask());
    }
}
