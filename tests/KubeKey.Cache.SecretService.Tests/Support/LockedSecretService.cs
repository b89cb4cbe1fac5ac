using KubeKey.Abstractions;
using KubeKey.Testing;

namespace KubeKey.Cache.SecretService.Tests.Support;

/// <summary>
/// A private GNOME Keyring holding one kubekey entry, whose "login" collection is then locked,
/// as a screen lock leaves it. Its own daemon, so locking it disturbs no other test.
/// </summary>
public sealed class LockedSecretService : IAsyncLifetime
{
    private readonly PrivateSecretService _keyring = new();

    /// <summary>The key of the entry stored before the lock.</summary>
    public CacheKey StoredKey { get; } = TestEntries.Key("00112233445566778899aabbccddeeff");

    /// <summary>The entry stored before the lock; its tokens must never show in an error.</summary>
    public TokenCacheEntry StoredEntry { get; } =
        TestEntries.Entry("locked.keyring.id-token-value", "locked-keyring-refresh-token-value");

    public PrivateSecretService Keyring => _keyring;

    public async Task InitializeAsync()
    {
        await _keyring.InitializeAsync();
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using (var cache = SecretServiceTokenCache.Create(_keyring.CreateContext()))
        {
            await cache.StoreAsync(StoredKey, StoredEntry, default);
        }

        await _keyring.LockDefaultCollectionAsync();
    }

    public Task DisposeAsync() => _keyring.DisposeAsync();
}
