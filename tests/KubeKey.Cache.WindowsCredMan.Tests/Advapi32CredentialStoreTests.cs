using System.Runtime.Versioning;
using KubeKey.Testing;

namespace KubeKey.Cache.WindowsCredMan.Tests;

/// <summary>Runs against the real Credential Manager, under a namespace no real entry uses.</summary>
[SupportedOSPlatform("windows")]
public sealed class Advapi32CredentialStoreTests : IDisposable
{
    private readonly Advapi32CredentialStore _store = new();
    private readonly CredentialTargets _targets = new($"kubekey-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (OperatingSystem.IsWindows() && _store.Enumerate(_targets.AllFilter).Value is { } leftovers)
        {
            foreach (var target in leftovers)
            {
                _store.Delete(target);
            }
        }
    }

    [WindowsFact]
    public void Write_BlobAtTheLimit_ReadsBackAndEnumerates()
    {
        var target = _targets.Head("ab12");
        var blob = Enumerable.Range(0, ChunkedCredentials.MaxBlobSize).Select(i => (byte)i).ToArray();

        var written = _store.Write(target, "kubekey test", blob);
        var read = _store.Read(target);
        var listed = _store.Enumerate(_targets.AllFilter);

        Assert.Equal(Win32Error.Success, written);
        Assert.Equal(blob, read.Value);
        Assert.Equal([target], listed.Value);
    }

    [WindowsFact]
    public void Write_BlobOverTheLimit_Fails()
    {
        var written = _store.Write(_targets.Head("ab12"), "kubekey test", new byte[ChunkedCredentials.MaxBlobSize + 1]);

        Assert.NotEqual(Win32Error.Success, written);
    }

    [WindowsFact]
    public void Delete_Missing_ReportsNotFound()
    {
        var deleted = _store.Delete(_targets.Head("ab12"));
        var read = _store.Read(_targets.Head("ab12"));

        Assert.Equal(Win32Error.NotFound, deleted);
        Assert.Equal(Win32Error.NotFound, read.Error);
    }

    [WindowsFact]
    public async Task CredManTokenCache_SixteenKilobyteToken_RoundTripsThroughTheRealStore()
    {
        var log = new RecordingLog();
        var cache = new CredManTokenCache(_store, _targets, log);
        var key = TestEntries.Key();
        var entry = TestEntries.Entry(idToken: TestEntries.LargeIdToken());

        await cache.StoreAsync(key, entry, CancellationToken.None);
        var read = await cache.GetAsync(key, CancellationToken.None);
        var removed = await cache.RemoveAsync(key, CancellationToken.None);

        Assert.Equal(entry.IdToken, read?.IdToken);
        Assert.True(removed);
        Assert.Equal(Win32Error.NotFound, _store.Enumerate(_targets.AllFilter).Error);
        Assert.Empty(log.Warnings);
    }
}
