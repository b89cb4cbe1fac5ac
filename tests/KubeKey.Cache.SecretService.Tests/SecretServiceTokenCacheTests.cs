using KubeKey.Abstractions;
using KubeKey.Cache.SecretService.Tests.Support;
using KubeKey.Testing;

namespace KubeKey.Cache.SecretService.Tests;

/// <summary>The cache against a real, unlocked GNOME Keyring on a private session bus.</summary>
public sealed class SecretServiceTokenCacheTests : IClassFixture<PrivateSecretService>
{
    private readonly PrivateSecretService _keyring;

    public SecretServiceTokenCacheTests(PrivateSecretService keyring)
    {
        _keyring = keyring;
    }

    [LinuxFact]
    public async Task GetAsync_AfterStore_ReturnsTheStoredEntry()
    {
        using var cache = CreateCache();
        var key = NewKey();
        var entry = TestEntries.Entry();

        await cache.StoreAsync(key, entry, default);
        var read = await cache.GetAsync(key, default);

        AssertSameEntry(entry, read);
    }

    [LinuxFact]
    public async Task GetAsync_NothingStored_ReturnsNull()
    {
        using var cache = CreateCache();

        var read = await cache.GetAsync(NewKey(), default);

        Assert.Null(read);
    }

    [LinuxFact]
    public async Task GetAsync_SixteenKilobyteEntry_ReturnsItWhole()
    {
        using var cache = CreateCache();
        var key = NewKey();
        var entry = TestEntries.Entry(TestEntries.LargeIdToken(), "refresh-" + new string('r', 1024));

        await cache.StoreAsync(key, entry, default);
        using var freshCache = CreateCache();
        var read = await freshCache.GetAsync(key, default);

        Assert.True(entry.ToPayload().Length >= 16 * 1024);
        AssertSameEntry(entry, read);
    }

    [LinuxFact]
    public async Task StoreAsync_SameKeyTwice_ReplacesTheItem()
    {
        using var cache = CreateCache();
        var key = NewKey();
        var second = TestEntries.Entry("second.id.token", "second-refresh");

        await cache.StoreAsync(key, TestEntries.Entry("first.id.token", "first-refresh"), default);
        await cache.StoreAsync(key, second, default);
        var read = await cache.GetAsync(key, default);

        AssertSameEntry(second, read);
        Assert.Equal(1, await CountItemsAsync(key));
    }

    [LinuxFact]
    public async Task RemoveAsync_StoredEntry_RemovesItAndReturnsTrue()
    {
        using var cache = CreateCache();
        var key = NewKey();
        await cache.StoreAsync(key, TestEntries.Entry(), default);

        var removed = await cache.RemoveAsync(key, default);

        Assert.True(removed);
        Assert.Null(await cache.GetAsync(key, default));
        Assert.Equal(0, await CountItemsAsync(key));
    }

    [LinuxFact]
    public async Task RemoveAsync_NothingStored_ReturnsFalse()
    {
        using var cache = CreateCache();

        var removed = await cache.RemoveAsync(NewKey(), default);

        Assert.False(removed);
    }

    [LinuxFact]
    public async Task ListAsync_AfterStores_ContainsEveryStoredKeyOnce()
    {
        using var cache = CreateCache();
        var first = NewKey();
        var second = NewKey();
        await cache.StoreAsync(first, TestEntries.Entry(), default);
        await cache.StoreAsync(second, TestEntries.Entry(), default);
        await cache.StoreAsync(second, TestEntries.Entry(), default);

        var values = await cache.ListAsync(default);

        Assert.Single(values, v => v == first.Value);
        Assert.Single(values, v => v == second.Value);
    }

    [LinuxFact]
    public async Task StoreAsync_ParallelWritersOnSeparateConnections_LeaveOneWholeEntryPerKey()
    {
        var shared = NewKey();
        var own = Enumerable.Range(0, 6).Select(_ => NewKey()).ToArray();
        var written = own.Select((_, i) => TestEntries.Entry($"writer{i}.id.token", $"writer{i}-refresh")).ToArray();
        var caches = own.Select(_ => CreateCache()).ToArray();

        await Task.WhenAll(caches.Select(async (cache, i) =>
        {
            for (var round = 0; round < 5; round++)
            {
                await cache.StoreAsync(own[i], written[i], default);
                await cache.StoreAsync(shared, written[i], default);
            }
        }));
        using var reader = CreateCache();
        var sharedRead = await reader.GetAsync(shared, default);

        Assert.Equal(1, await CountItemsAsync(shared));
        Assert.Contains(written, w => w.IdToken == sharedRead?.IdToken && w.RefreshToken == sharedRead.RefreshToken);
        for (var i = 0; i < own.Length; i++)
        {
            AssertSameEntry(written[i], await reader.GetAsync(own[i], default));
            Assert.Equal(1, await CountItemsAsync(own[i]));
        }

        Array.ForEach(caches, c => c.Dispose());
    }

    [LinuxFact]
    public async Task StoreAsync_Entry_IsVisibleToSecretToolWithLabelAndSchema()
    {
        using var cache = CreateCache();
        var key = NewKey();

        await cache.StoreAsync(key, TestEntries.Entry(), default);
        var search = await _keyring.SecretToolAsync(
            null, "search", "--all", "application", "kubekey", "kubekey-cache-key", key.Value);

        var output = search.StandardOutput + search.StandardError;
        Assert.True(search.ExitCode == 0, search.Describe());
        Assert.Contains("label = " + key.Label, output, StringComparison.Ordinal);
        Assert.Contains("schema = io.github.kubekey.Token", output, StringComparison.Ordinal);
        Assert.Contains("attribute.kubekey-cache-key = " + key.Value, output, StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task GetAsync_ItemThatIsNoEntry_IsMissWithOneWarningWithoutTheSecret()
    {
        using var cache = CreateCache(out var context);
        var key = NewKey();
        const string Garbage = "not-a-payload-but-secret-looking-3f9a";
        var stored = await _keyring.SecretToolAsync(
            Garbage, "store", "--label=garbage", "application", "kubekey", "kubekey-cache-key", key.Value);
        Assert.True(stored.ExitCode == 0, stored.Describe());

        var first = await cache.GetAsync(key, default);
        var second = await cache.GetAsync(key, default);

        Assert.Null(first);
        Assert.Null(second);
        var warning = Assert.Single(context.RecordingLog.Warnings);
        Assert.Contains(key.Label, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(Garbage, context.RecordingLog.AllText, StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task ReadLegacySecretAsync_ItemWrittenLikeGoKeyring_ReturnsItsSecret()
    {
        using var cache = CreateCache();
        var account = $"kubectl-{Guid.NewGuid():N}@https://issuer.example";
        const string Secret = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJnbyJ9.c2ln.1893456000";
        var stored = await _keyring.SecretToolAsync(
            Secret, "store", $"--label=Password for '{account}' on 'github.com/metno/kubekey'",
            "service", "github.com/metno/kubekey", "username", account);
        Assert.True(stored.ExitCode == 0, stored.Describe());

        var read = await cache.ReadLegacySecretAsync("github.com/metno/kubekey", account, default);

        Assert.Equal(Secret, read);
    }

    [LinuxFact]
    public async Task ReadLegacySecretAsync_NoSuchItem_ReturnsNull()
    {
        using var cache = CreateCache();

        var read = await cache.ReadLegacySecretAsync("github.com/metno/kubekey", "nobody@nowhere", default);

        Assert.Null(read);
    }

    [LinuxFact]
    public async Task AllOperations_WithTokens_LogNoSecret()
    {
        using var cache = CreateCache(out var context);
        var key = NewKey();
        var entry = TestEntries.Entry("log.check.id-token-value", "log-check-refresh-token-value");

        await cache.StoreAsync(key, entry, default);
        await cache.GetAsync(key, default);
        await cache.ListAsync(default);
        await cache.RemoveAsync(key, default);

        Assert.DoesNotContain(entry.IdToken, context.RecordingLog.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(entry.RefreshToken!, context.RecordingLog.AllText, StringComparison.Ordinal);
    }

    private static CacheKey NewKey() => TestEntries.Key(Guid.NewGuid().ToString("N"));

    private static void AssertSameEntry(TokenCacheEntry expected, TokenCacheEntry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.IdToken, actual.IdToken);
        Assert.Equal(expected.RefreshToken, actual.RefreshToken);
        Assert.Equal(expected.ExpiresAt.ToUnixTimeSeconds(), actual.ExpiresAt.ToUnixTimeSeconds());
        Assert.Equal(expected.Issuer, actual.Issuer);
        Assert.Equal(expected.ClientId, actual.ClientId);
        Assert.Equal(expected.Subject, actual.Subject);
    }

    private SecretServiceTokenCache CreateCache() => CreateCache(out _);

    private SecretServiceTokenCache CreateCache(out FakePluginContext context)
    {
        context = _keyring.CreateContext();
        return SecretServiceTokenCache.Create(context);
    }

    private async Task<int> CountItemsAsync(CacheKey key)
    {
        var search = await _keyring.SecretToolAsync(
            null, "search", "--all", "application", "kubekey", "kubekey-cache-key", key.Value);
        return (search.StandardOutput + search.StandardError)
            .Split('\n')
            .Count(line => line.StartsWith("[/", StringComparison.Ordinal) && line.EndsWith(']'));
    }
}
