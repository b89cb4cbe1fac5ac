using System.Text;
using KubeKey.Abstractions;
using KubeKey.Testing;
using Moq;

namespace KubeKey.Cache.WindowsCredMan.Tests;

public sealed class CredManTokenCacheTests
{
    private readonly FakeCredentialStore _store = new();
    private readonly RecordingLog _log = new();
    private readonly CredManTokenCache _cache;

    public CredManTokenCacheTests()
    {
        _cache = new CredManTokenCache(_store, new CredentialTargets(), _log);
    }

    [Fact]
    public async Task GetAsync_AfterStore_ReturnsTheSameEntry()
    {
        var key = TestEntries.Key();
        var entry = TestEntries.Entry();

        await _cache.StoreAsync(key, entry, CancellationToken.None);
        var read = await _cache.GetAsync(key, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(entry.ToPayload(), read.ToPayload());
        Assert.Equal([$"kubekey:{key.Value}"], _store.Targets);
        Assert.Equal(key.Label, _store.CommentOf($"kubekey:{key.Value}"));
    }

    [Fact]
    public async Task GetAsync_SixteenKilobyteToken_ReassemblesTheEntry()
    {
        var key = TestEntries.Key();
        var entry = TestEntries.Entry(idToken: TestEntries.LargeIdToken());

        await _cache.StoreAsync(key, entry, CancellationToken.None);
        var read = await _cache.GetAsync(key, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(entry.IdToken, read.IdToken);
        Assert.Equal(entry.RefreshToken, read.RefreshToken);
        Assert.True(_store.Targets.Count > 7);
        Assert.True(_store.LargestBlobWritten <= ChunkedCredentials.MaxBlobSize);
    }

    [Fact]
    public async Task GetAsync_NothingStored_ReturnsNullWithoutWarning()
    {
        var read = await _cache.GetAsync(TestEntries.Key(), CancellationToken.None);

        Assert.Null(read);
        Assert.Empty(_log.Lines);
    }

    [Fact]
    public async Task GetAsync_PartMissing_IsAMissWithOneWarning()
    {
        var key = TestEntries.Key();
        await _cache.StoreAsync(key, TestEntries.Entry(idToken: TestEntries.LargeIdToken()), CancellationToken.None);
        _store.Remove(_store.Targets.First(t => t.EndsWith(":3", StringComparison.Ordinal)));

        var read = await _cache.GetAsync(key, CancellationToken.None);

        Assert.Null(read);
        var warning = Assert.Single(_log.Warnings);
        Assert.Contains(key.Label, warning, StringComparison.Ordinal);
        Assert.Contains("missing", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_PayloadNotAnEntry_IsAMissWithOneWarning()
    {
        var key = TestEntries.Key();
        _store.Put($"kubekey:{key.Value}", HeadRecord.EncodeInline("{\"v\":99}"u8));

        var read = await _cache.GetAsync(key, CancellationToken.None);

        Assert.Null(read);
        Assert.Contains("version of kubekey", Assert.Single(_log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreAsync_AfterABrokenEntry_ReplacesIt()
    {
        var key = TestEntries.Key();
        _store.Put($"kubekey:{key.Value}", "garbage"u8.ToArray());
        var entry = TestEntries.Entry();

        await _cache.StoreAsync(key, entry, CancellationToken.None);
        var read = await _cache.GetAsync(key, CancellationToken.None);

        Assert.Equal(entry.IdToken, read?.IdToken);
        Assert.Empty(_log.Warnings);
    }

    [Fact]
    public async Task StoreAsync_LargeEntry_WritesTheHeadLastAndCleansUpAfterIt()
    {
        var key = TestEntries.Key();
        await _cache.StoreAsync(key, TestEntries.Entry(idToken: TestEntries.LargeIdToken()), CancellationToken.None);
        var mock = DelegatingMock();
        var cache = new CredManTokenCache(mock.Object, new CredentialTargets(), _log);
        var replacement = TestEntries.Entry(idToken: TestEntries.LargeIdToken(12_000));

        await cache.StoreAsync(key, replacement, CancellationToken.None);

        var calls = mock.Invocations.Select(i => (i.Method.Name, Target: (string)i.Arguments[0])).ToList();
        var headWrite = calls.IndexOf(("Write", $"kubekey:{key.Value}"));
        Assert.Equal(calls.FindLastIndex(c => c.Name == "Write"), headWrite);
        Assert.True(calls.FindIndex(c => c.Name == "Delete") > headWrite);
        mock.Verify(s => s.Read(It.IsAny<string>()), Times.Never);
    }

    [Fact]
    public async Task GetAsync_Always_ChangesNothing()
    {
        var key = TestEntries.Key();
        await _cache.StoreAsync(key, TestEntries.Entry(idToken: TestEntries.LargeIdToken()), CancellationToken.None);
        var mock = DelegatingMock();
        var cache = new CredManTokenCache(mock.Object, new CredentialTargets(), _log);

        await cache.GetAsync(key, CancellationToken.None);

        mock.Verify(s => s.Write(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<byte[]>()), Times.Never);
        mock.Verify(s => s.Delete(It.IsAny<string>()), Times.Never);
    }

    [Fact]
    public async Task RemoveAsync_LargeEntry_LeavesNoCredentialBehind()
    {
        var key = TestEntries.Key();
        await _cache.StoreAsync(key, TestEntries.Entry(idToken: TestEntries.LargeIdToken()), CancellationToken.None);

        var removed = await _cache.RemoveAsync(key, CancellationToken.None);
        var removedAgain = await _cache.RemoveAsync(key, CancellationToken.None);

        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Empty(_store.Targets);
    }

    [Fact]
    public async Task ListAsync_TwoEntries_ReturnsBothKeyValues()
    {
        await _cache.StoreAsync(TestEntries.Key("aa"), TestEntries.Entry(), CancellationToken.None);
        var large = TestEntries.Entry(idToken: TestEntries.LargeIdToken());
        await _cache.StoreAsync(TestEntries.Key("bb"), large, CancellationToken.None);

        var keys = await _cache.ListAsync(CancellationToken.None);

        Assert.Equal(["aa", "bb"], keys.Order());
    }

    [Fact]
    public async Task ReadLegacySecretAsync_GoKeyringCredential_ReturnsTheText()
    {
        _store.Put("github.com/metno/kubekey:kubectl@https://issuer.example", Encoding.UTF8.GetBytes("tøken"));

        var secret = await _cache.ReadLegacySecretAsync(
            "github.com/metno/kubekey", "kubectl@https://issuer.example", CancellationToken.None);

        Assert.Equal("tøken", secret);
    }

    [Fact]
    public async Task ReadLegacySecretAsync_NoSuchCredential_ReturnsNull()
    {
        var secret = await _cache.ReadLegacySecretAsync("service", "account", CancellationToken.None);

        Assert.Null(secret);
    }

    [Fact]
    public async Task ReadLegacySecretAsync_NotUtf8_WarnsAndReturnsNull()
    {
        _store.Put("service:account", [0xff, 0xfe, 0x41]);

        var secret = await _cache.ReadLegacySecretAsync("service", "account", CancellationToken.None);

        Assert.Null(secret);
        Assert.Contains("service:account", Assert.Single(_log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadLegacySecretAsync_StoreUnavailable_ThrowsClearMessage()
    {
        _store.Fault = (_, _) => Win32Error.NoSuchLogonSession;

        var thrown = await Assert.ThrowsAsync<TokenCacheException>(
            () => _cache.ReadLegacySecretAsync("service", "account", CancellationToken.None).AsTask());

        Assert.Contains("\"service:account\"", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_AnyKind_NeverShowTheTokens()
    {
        var key = TestEntries.Key();
        var entry = TestEntries.Entry(idToken: TestEntries.LargeIdToken());
        await _cache.StoreAsync(key, entry, CancellationToken.None);
        var part = _store.Targets.First(t => t.EndsWith(":1", StringComparison.Ordinal));
        _store.Put(part, _store.BlobOf(part)[..^10]);
        await _cache.GetAsync(key, CancellationToken.None);
        var messages = new List<string>();
        foreach (var error in new[] { 5, 87, 1312, 1783 })
        {
            _store.Fault = (operation, _) => operation == "write" ? error : null;
            var thrown = await Assert.ThrowsAsync<TokenCacheException>(
                () => _cache.StoreAsync(key, entry, CancellationToken.None).AsTask());
            messages.Add(thrown.Message);
        }

        var comments = _store.Targets.Select(_store.CommentOf);
        var text = string.Join('\n', [.. messages, _log.AllText, .. comments]);
        Assert.Single(_log.Warnings);
        Assert.DoesNotContain(entry.IdToken[20..60], text, StringComparison.Ordinal);
        Assert.DoesNotContain(entry.RefreshToken!, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _cache.GetAsync(TestEntries.Key(), cancelled.Token).AsTask());
    }

    private Mock<ICredentialStore> DelegatingMock()
    {
        var mock = new Mock<ICredentialStore>(MockBehavior.Strict);
        mock.Setup(s => s.Read(It.IsAny<string>())).Returns((string t) => _store.Read(t));
        mock.Setup(s => s.Write(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<byte[]>()))
            .Returns((string t, string c, byte[] b) => _store.Write(t, c, b));
        mock.Setup(s => s.Delete(It.IsAny<string>())).Returns((string t) => _store.Delete(t));
        mock.Setup(s => s.Enumerate(It.IsAny<string>())).Returns((string f) => _store.Enumerate(f));
        return mock;
    }
}
