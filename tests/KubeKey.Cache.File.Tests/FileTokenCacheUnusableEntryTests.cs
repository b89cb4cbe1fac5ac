using System.Runtime.Versioning;
using KubeKey.Abstractions;
using KubeKey.Testing;

namespace KubeKey.Cache.File.Tests;

/// <summary>Entries that cannot be used: each is a miss with one warning, and the next store heals it.</summary>
public sealed class FileTokenCacheUnusableEntryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakePluginContext _context;
    private readonly FileTokenCache _cache;
    private readonly TokenCacheEntry _stored = TestEntries.Entry(refreshToken: "refresh-token-that-must-not-leak");

    public FileTokenCacheUnusableEntryTests()
    {
        _context = new FakePluginContext(_temp.Path);
        _cache = FileTokenCache.Create(_context);
    }

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Damages =>
        ["corrupt", "truncated", "header-only", "empty", "bit-flipped", "plain-payload", "unknown-format",
         "unknown-key-kind", "wrong-key"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task GetAsync_DamagedFile_MissesWithOneWarningAndNextStoreReplacesIt(string damage)
    {
        await _cache.StoreAsync(TestEntries.Key(), _stored, CancellationToken.None);
        var file = EntryFile();
        await DamageAsync(file, damage);

        var entry = await FileTokenCache.Create(_context).GetAsync(TestEntries.Key(), CancellationToken.None);

        Assert.Null(entry);
        var warning = Assert.Single(_context.RecordingLog.Warnings);
        Assert.Contains(file, warning, StringComparison.Ordinal);
        AssertNoSecretIn(_context.RecordingLog.AllText);
        await FileTokenCache.Create(_context).StoreAsync(TestEntries.Key(), _stored, CancellationToken.None);
        var healed = await FileTokenCache.Create(_context).GetAsync(TestEntries.Key(), CancellationToken.None);
        Assert.Equal(_stored.IdToken, healed?.IdToken);
    }

    [Fact]
    public async Task GetAsync_FilesSwappedBetweenKeys_MissesWithAWarning()
    {
        var first = TestEntries.Key("aaaa");
        var second = TestEntries.Key("bbbb");
        await _cache.StoreAsync(first, TestEntries.Entry(idToken: "token.for.first"), CancellationToken.None);
        await _cache.StoreAsync(second, TestEntries.Entry(idToken: "token.for.second"), CancellationToken.None);
        var firstFile = Path.Combine(_context.CacheDirectory, "aaaa.kkc");
        var secondFile = Path.Combine(_context.CacheDirectory, "bbbb.kkc");
        System.IO.File.Move(firstFile, firstFile + ".swap");
        System.IO.File.Move(secondFile, firstFile);
        System.IO.File.Move(firstFile + ".swap", secondFile);

        var entry = await _cache.GetAsync(first, CancellationToken.None);

        Assert.Null(entry);
        var warning = Assert.Single(_context.RecordingLog.Warnings);
        Assert.Contains("copied from another entry", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("token.for", warning, StringComparison.Ordinal);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task GetAsync_FileOpenToOthers_MissesWithAWarningAndNextStoreMakesItPrivate()
    {
        await _cache.StoreAsync(TestEntries.Key(), _stored, CancellationToken.None);
        var file = EntryFile();
        var open = UnixPermissions.PrivateFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        System.IO.File.SetUnixFileMode(file, open);

        var entry = await _cache.GetAsync(TestEntries.Key(), CancellationToken.None);

        Assert.Null(entry);
        var warning = Assert.Single(_context.RecordingLog.Warnings);
        Assert.Contains("0644", warning, StringComparison.Ordinal);
        await _cache.StoreAsync(TestEntries.Key(), _stored, CancellationToken.None);
        Assert.Equal(UnixPermissions.PrivateFile, System.IO.File.GetUnixFileMode(file));
        Assert.NotNull(await _cache.GetAsync(TestEntries.Key(), CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_DamagedFileReadTwice_WarnsOncePerRead()
    {
        await _cache.StoreAsync(TestEntries.Key(), _stored, CancellationToken.None);
        await DamageAsync(EntryFile(), "bit-flipped");

        await _cache.GetAsync(TestEntries.Key(), CancellationToken.None);
        await _cache.GetAsync(TestEntries.Key(), CancellationToken.None);

        Assert.Equal(2, _context.RecordingLog.Warnings.Count());
        Assert.True(System.IO.File.Exists(EntryFile()));
    }

    private string EntryFile() => Path.Combine(_context.CacheDirectory, TestEntries.Key().Value + ".kkc");

    private async Task DamageAsync(string file, string damage)
    {
        var bytes = await System.IO.File.ReadAllBytesAsync(file);
        byte[] damaged = damage switch
        {
            "corrupt" => [.. bytes.Select((b, i) => (byte)(b ^ (i * 31)))],
            "truncated" => bytes[..(bytes.Length / 2)],
            "header-only" => bytes[..10],
            "empty" => [],
            "bit-flipped" => Flip(bytes, bytes.Length - 5),
            "plain-payload" => _stored.ToPayload(),
            "unknown-format" => Replace(bytes, 4, 9),
            "unknown-key-kind" => Replace(bytes, 5, 200),
            "wrong-key" => bytes,
            _ => throw new ArgumentOutOfRangeException(nameof(damage), damage, "no such damage"),
        };
        if (damage == "wrong-key")
        {
            var keyFile = Path.Combine(_context.DataDirectory, KeySources.DefaultKeyFileName);
            await System.IO.File.WriteAllBytesAsync(keyFile, Enumerable.Repeat((byte)1, 32).ToArray());
        }

        await System.IO.File.WriteAllBytesAsync(file, damaged);
    }

    private static byte[] Flip(byte[] bytes, int index)
    {
        bytes[index] ^= 0x01;
        return bytes;
    }

    private static byte[] Replace(byte[] bytes, int index, byte value)
    {
        bytes[index] = value;
        return bytes;
    }

    private void AssertNoSecretIn(string text)
    {
        Assert.DoesNotContain(_stored.IdToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(_stored.RefreshToken!, text, StringComparison.Ordinal);
    }
}
