using System.Runtime.Versioning;
using KubeKey.Testing;

namespace KubeKey.Cache.MacKeychain.Tests;

/// <summary>
/// Runs against the real login keychain, under a service no real item uses, with prompts off so
/// a locked keychain fails instead of waiting for a person.
/// </summary>
[SupportedOSPlatform("macos")]
public sealed class SecurityFrameworkKeychainTests : IDisposable
{
    private readonly string _service = $"io.github.kubekey.test.{Guid.NewGuid():N}";
    private readonly SecurityFrameworkKeychain? _keychain =
        OperatingSystem.IsMacOS() ? new SecurityFrameworkKeychain(allowPrompts: false) : null;

    private SecurityFrameworkKeychain Keychain => _keychain!;

    public void Dispose()
    {
        if (OperatingSystem.IsMacOS() && Keychain.ListAccounts(_service).Value is { } accounts)
        {
            foreach (var account in accounts)
            {
                Keychain.Delete(_service, account);
            }
        }
    }

    [MacOSFact]
    public void Add_ThenFindUpdateListDelete_BehaveAsDocumented()
    {
        var added = Keychain.Add(_service, "ab12", "kubekey test", [1, 2, 3]);
        var duplicate = Keychain.Add(_service, "ab12", "kubekey test", [4]);
        var updated = Keychain.Update(_service, "ab12", "kubekey test", [5, 6]);
        var found = Keychain.Find(_service, "ab12");
        var listed = Keychain.ListAccounts(_service);
        var deleted = Keychain.Delete(_service, "ab12");
        var missing = Keychain.Find(_service, "ab12");

        Assert.Equal((0, KeychainStatus.DuplicateItem, 0, 0), (added, duplicate, updated, deleted));
        Assert.Equal([5, 6], found.Value);
        Assert.Equal(["ab12"], listed.Value);
        Assert.Equal(KeychainStatus.ItemNotFound, missing.Status);
    }

    [MacOSFact]
    public async Task MacKeychainTokenCache_SixteenKilobyteToken_RoundTripsThroughTheRealKeychain()
    {
        var log = new RecordingLog();
        var cache = new MacKeychainTokenCache(Keychain, new MacKeychainOptions { Service = _service }, log);
        var key = TestEntries.Key();
        var entry = TestEntries.Entry(idToken: TestEntries.LargeIdToken());

        await cache.StoreAsync(key, entry, CancellationToken.None);
        var read = await cache.GetAsync(key, CancellationToken.None);
        var listed = await cache.ListAsync(CancellationToken.None);
        var removed = await cache.RemoveAsync(key, CancellationToken.None);

        Assert.Equal(entry.IdToken, read?.IdToken);
        Assert.Equal([key.Value], listed);
        Assert.True(removed);
        Assert.Empty(log.Warnings);
    }
}
