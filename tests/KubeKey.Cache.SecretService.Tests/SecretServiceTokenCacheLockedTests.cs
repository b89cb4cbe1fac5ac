using System.Diagnostics;
using KubeKey.Abstractions;
using KubeKey.Cache.SecretService.Tests.Support;
using KubeKey.Testing;

namespace KubeKey.Cache.SecretService.Tests;

/// <summary>The cache against a real GNOME Keyring whose collection is locked.</summary>
public sealed class SecretServiceTokenCacheLockedTests : IClassFixture<LockedSecretService>
{
    private readonly LockedSecretService _locked;

    public SecretServiceTokenCacheLockedTests(LockedSecretService locked)
    {
        _locked = locked;
    }

    [LinuxFact]
    public async Task GetAsync_LockedAndNotInteractive_ThrowsLockedErrorAtOnce()
    {
        using var cache = SecretServiceTokenCache.Create(_locked.Keyring.CreateContext());
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TokenCacheException>(
            () => cache.GetAsync(_locked.StoredKey, default).AsTask());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        AssertLockedMessage(error);
    }

    [LinuxFact]
    public async Task StoreAsync_LockedAndNotInteractive_ThrowsLockedError()
    {
        using var cache = SecretServiceTokenCache.Create(_locked.Keyring.CreateContext());

        var error = await Assert.ThrowsAsync<TokenCacheException>(
            () => cache.StoreAsync(TestEntries.Key("abcdef"), _locked.StoredEntry, default).AsTask());

        AssertLockedMessage(error);
    }

    [LinuxFact]
    public async Task RemoveAsync_LockedAndNotInteractive_ThrowsLockedError()
    {
        using var cache = SecretServiceTokenCache.Create(_locked.Keyring.CreateContext());

        var error = await Assert.ThrowsAsync<TokenCacheException>(
            () => cache.RemoveAsync(_locked.StoredKey, default).AsTask());

        AssertLockedMessage(error);
    }

    [LinuxFact]
    public async Task ListAsync_Locked_StillListsTheStoredKey()
    {
        using var cache = SecretServiceTokenCache.Create(_locked.Keyring.CreateContext());

        var values = await cache.ListAsync(default);

        Assert.Contains(_locked.StoredKey.Value, values);
    }

    [LinuxFact]
    public async Task GetAsync_LockedAndInteractiveWithNoPrompter_WarnsThenThrowsDismissed()
    {
        var context = _locked.Keyring.CreateContext(interactive: true);
        using var cache = SecretServiceTokenCache.Create(context);

        var error = await Assert.ThrowsAsync<TokenCacheException>(
            () => cache.GetAsync(_locked.StoredKey, default).AsTask());

        var warning = Assert.Single(context.RecordingLog.Warnings);
        Assert.Contains("unlock", warning, StringComparison.Ordinal);
        Assert.Contains("prompt was dismissed", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error);
    }

    private void AssertLockedMessage(TokenCacheException error)
    {
        Assert.StartsWith("The keyring is locked; unlock it", error.Message, StringComparison.Ordinal);
        Assert.Contains("KUBEKEY_CACHE=file", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error);
    }

    private void AssertNoSecret(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(_locked.StoredEntry.IdToken, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(_locked.StoredEntry.RefreshToken!, e.Message, StringComparison.Ordinal);
        }
    }
}
