using System.Text;
using KubeKey.Abstractions;
using KubeKey.Testing;
using Moq;

namespace KubeKey.Cache.MacKeychain.Tests;

public sealed class MacKeychainTokenCacheTests
{
    private const string Service = MacKeychainOptions.DefaultService;
    private readonly FakeKeychain _keychain = new();
    private readonly RecordingLog _log = new();
    private readonly MacKeychainTokenCache _cache;

    public MacKeychainTokenCacheTests()
    {
        _cache = new MacKeychainTokenCache(_keychain, new MacKeychainOptions(), _log);
    }

    [Fact]
    public async Task GetAsync_AfterStore_ReturnsTheSameEntryFromOneLabelledItem()
    {
        var key = TestEntries.Key();
        var entry = TestEntries.Entry();

        await _cache.StoreAsync(key, entry, CancellationToken.None);
        var read = await _cache.GetAsync(key, CancellationToken.None);

        Assert.Equal(entry.ToPayload(), read?.ToPayload());
        Assert.Equal(1, _keychain.Count);
        Assert.Equal(key.Label, _keychain.LabelOf(Service, key.Value));
    }

    [Fact]
    public async Task GetAsync_SixteenKilobyteToken_RoundTripsInOneItem()
    {
        var key = TestEntries.Key();
        var entry = TestEntries.Entry(idToken: TestEntries.LargeIdToken());

        await _cache.StoreAsync(key, entry, CancellationToken.None);
        var read = await _cache.GetAsync(key, CancellationToken.None);

        Assert.Equal(entry.IdToken, read?.IdToken);
        Assert.Equal(entry.RefreshToken, read?.RefreshToken);
        Assert.Equal(1, _keychain.Count);
    }

    [Fact]
    public async Task StoreAsync_LargeThenSmall_ReplacesTheItem()
    {
        var key = TestEntries.Key();
        await _cache.StoreAsync(key, TestEntries.Entry(idToken: TestEntries.LargeIdToken()), CancellationToken.None);
        var small = TestEntries.Entry();

        await _cache.StoreAsync(key, small, CancellationToken.None);
        var read = await _cache.GetAsync(key, CancellationToken.None);

        Assert.Equal(small.IdToken, read?.IdToken);
        Assert.Equal(1, _keychain.Count);
    }

    [Fact]
    public async Task GetAsync_ReaderAfterEveryWriterStep_SeesOldOrNewNeverAMiss()
    {
        var key = TestEntries.Key();
        var old = TestEntries.Entry(idToken: TestEntries.LargeIdToken(), refreshToken: "old-refresh");
        var replacement = TestEntries.Entry(idToken: TestEntries.LargeIdToken(8_000), refreshToken: "new-refresh");
        await _cache.StoreAsync(key, old, CancellationToken.None);
        var seen = new List<string?>();
        _keychain.AfterChange = _ =>
            seen.Add(_cache.GetAsync(key, CancellationToken.None).AsTask().Result?.RefreshToken);

        await _cache.StoreAsync(key, replacement, CancellationToken.None);

        Assert.NotEmpty(seen);
        Assert.All(seen, refresh => Assert.Contains(refresh, new[] { "old-refresh", "new-refresh" }));
    }

    [Fact]
    public async Task StoreAsync_ItemExists_UpdatesItWithoutAdding()
    {
        var keychain = new Mock<IKeychain>(MockBehavior.Strict);
        keychain.Setup(k => k.Update(Service, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<byte[]>())).Returns(0);
        var cache = new MacKeychainTokenCache(keychain.Object, new MacKeychainOptions(), _log);

        await cache.StoreAsync(TestEntries.Key(), TestEntries.Entry(), CancellationToken.None);

        var key = TestEntries.Key();
        keychain.Verify(k => k.Update(Service, key.Value, key.Label, It.IsAny<byte[]>()), Times.Once);
        keychain.Verify(
            k => k.Add(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<byte[]>()),
            Times.Never);
    }

    [Fact]
    public async Task StoreAsync_AnotherProcessAddsFirst_UpdatesTheirItem()
    {
        var keychain = new Mock<IKeychain>(MockBehavior.Strict);
        keychain.SetupSequence(k => k.Update(Service, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<byte[]>()))
            .Returns(KeychainStatus.ItemNotFound)
            .Returns(KeychainStatus.Success);
        keychain.Setup(k => k.Add(Service, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<byte[]>()))
            .Returns(KeychainStatus.DuplicateItem);
        var cache = new MacKeychainTokenCache(keychain.Object, new MacKeychainOptions(), _log);

        await cache.StoreAsync(TestEntries.Key(), TestEntries.Entry(), CancellationToken.None);

        keychain.Verify(
            k => k.Update(Service, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<byte[]>()),
            Times.Exactly(2));
        keychain.Verify(k => k.Add(Service, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<byte[]>()), Times.Once);
    }

    [Fact]
    public async Task GetAsync_NothingStored_ReturnsNullWithoutWarning()
    {
        var read = await _cache.GetAsync(TestEntries.Key(), CancellationToken.None);

        Assert.Null(read);
        Assert.Empty(_log.Lines);
    }

    [Fact]
    public async Task GetAsync_UnreadablePayload_IsAMissWithOneWarning()
    {
        var key = TestEntries.Key();
        _keychain.Put(Service, key.Value, "{\"v\":1,\"id_token\":"u8.ToArray());

        var read = await _cache.GetAsync(key, CancellationToken.None);

        Assert.Null(read);
        Assert.Contains(key.Label, Assert.Single(_log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveAsync_StoredEntry_DeletesItOnce()
    {
        var key = TestEntries.Key();
        await _cache.StoreAsync(key, TestEntries.Entry(), CancellationToken.None);

        var removed = await _cache.RemoveAsync(key, CancellationToken.None);
        var removedAgain = await _cache.RemoveAsync(key, CancellationToken.None);

        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Equal(0, _keychain.Count);
    }

    [Fact]
    public async Task ListAsync_MixedItems_ReturnsOnlyCacheKeysOfThisService()
    {
        await _cache.StoreAsync(TestEntries.Key("aa"), TestEntries.Entry(), CancellationToken.None);
        await _cache.StoreAsync(TestEntries.Key("bb"), TestEntries.Entry(), CancellationToken.None);
        _keychain.Put(Service, "someone-else", [1]);
        _keychain.Put("github.com/metno/kubekey", "cc", [1]);

        var keys = await _cache.ListAsync(CancellationToken.None);

        Assert.Equal(["aa", "bb"], keys.Order());
    }

    [Fact]
    public async Task ListAsync_NoItems_ReturnsEmpty()
    {
        var keys = await _cache.ListAsync(CancellationToken.None);

        Assert.Empty(keys);
    }

    [Theory]
    [InlineData("go-keyring-base64:dG9rZW4tdsOkbHVl")]
    [InlineData("go-keyring-encoded:746f6b656e2d76c3a46c7565")]
    [InlineData("token-väluE")]
    public async Task ReadLegacySecretAsync_GoKeyringItem_ReturnsTheSecret(string stored)
    {
        _keychain.Put("github.com/metno/kubekey", "kubectl@https://issuer.example", Encoding.UTF8.GetBytes(stored));

        var secret = await _cache.ReadLegacySecretAsync(
            "github.com/metno/kubekey", "kubectl@https://issuer.example", CancellationToken.None);

        Assert.Equal(stored == "token-väluE" ? stored : "token-välue", secret);
    }

    [Fact]
    public async Task ReadLegacySecretAsync_NoItem_ReturnsNull()
    {
        var secret = await _cache.ReadLegacySecretAsync("service", "account", CancellationToken.None);

        Assert.Null(secret);
    }

    [Fact]
    public async Task ReadLegacySecretAsync_BrokenEncoding_WarnsAndReturnsNull()
    {
        _keychain.Put("service", "account", "go-keyring-base64:***"u8.ToArray());

        var secret = await _cache.ReadLegacySecretAsync("service", "account", CancellationToken.None);

        Assert.Null(secret);
        Assert.Contains("account \"account\"", Assert.Single(_log.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeychainStatus.InteractionNotAllowed, "unlock-keychain")]
    [InlineData(KeychainStatus.UserCanceled, "refused at the keychain prompt")]
    [InlineData(KeychainStatus.AuthFailed, "denied")]
    public async Task GetAsync_KeychainRefuses_ThrowsAClearMessage(int status, string expected)
    {
        _keychain.Fault = _ => status;

        var thrown = await Assert.ThrowsAsync<TokenCacheException>(
            () => _cache.GetAsync(TestEntries.Key(), CancellationToken.None).AsTask());

        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
        Assert.Contains(TestEntries.Key().Label, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreAsync_PromptNeverAnswered_TimesOutWithAClearMessage()
    {
        using var gate = new ManualResetEventSlim(false);
        _keychain.Gate = gate;
        var options = new MacKeychainOptions { Timeout = TimeSpan.FromMilliseconds(100) };
        var cache = new MacKeychainTokenCache(_keychain, options, _log);

        var thrown = await Assert.ThrowsAsync<TokenCacheException>(
            () => cache.StoreAsync(TestEntries.Key(), TestEntries.Entry(), CancellationToken.None).AsTask());
        gate.Set();

        Assert.Contains("did not answer within", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_AnyKind_NeverShowTheTokens()
    {
        var key = TestEntries.Key();
        var entry = TestEntries.Entry(idToken: TestEntries.LargeIdToken());
        _keychain.Put(Service, key.Value, entry.ToPayload()[..^1]);
        await _cache.GetAsync(key, CancellationToken.None);
        var messages = new List<string>();
        foreach (var status in new[] { -128, -25291, -25292, -25293, -25294, -25308, -34018 })
        {
            _keychain.Fault = _ => status;
            var thrown = await Assert.ThrowsAsync<TokenCacheException>(
                () => _cache.StoreAsync(key, entry, CancellationToken.None).AsTask());
            messages.Add(thrown.Message);
        }

        var text = string.Join('\n', [.. messages, _log.AllText, _keychain.LabelOf(Service, key.Value)]);
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
}
