using KubeKey.Abstractions;
using KubeKey.Testing;

namespace KubeKey.Cache.File.Tests;

public sealed class FileCachePluginTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Metadata_Always_NamesThePluginAndTheContractItWasBuiltAgainst()
    {
        var plugin = new FileCachePlugin();

        var metadata = plugin.Metadata;

        Assert.Equal("KubeKey.Cache.File", metadata.Name);
        Assert.Equal(typeof(FileCachePlugin).Assembly.GetName().Name, metadata.Name);
        Assert.StartsWith("0.1.0", metadata.Version, StringComparison.Ordinal);
        Assert.Equal(PluginContract.Version, metadata.ContractVersion);
        Assert.Empty(metadata.Platforms);
        Assert.True(metadata.SupportsCurrentPlatform);
    }

    [Fact]
    public void Register_Always_FillsTheCacheSlotOnlyAndTouchesNoFile()
    {
        var registry = new RecordingPluginRegistry();
        var context = new FakePluginContext(_temp.Path);

        new FileCachePlugin().Register(registry);
        var cache = registry.TokenCacheFactory!(context);

        Assert.Equal(1, registry.Registrations);
        Assert.Null(registry.BrowserLauncherFactory);
        Assert.Null(registry.TemplateRendererFactory);
        Assert.IsAssignableFrom<ITokenCache>(cache);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task GetAsync_EmptyCache_MissesWithoutCreatingAKeyOrWarning()
    {
        var context = new FakePluginContext(_temp.Path);
        var cache = RecordingPluginRegistry.FileCacheFor(context);

        var entry = await cache.GetAsync(TestEntries.Key(), CancellationToken.None);

        Assert.Null(entry);
        Assert.False(Directory.Exists(context.DataDirectory));
        Assert.Empty(context.RecordingLog.Lines);
    }

    [Fact]
    public async Task StoreAsync_DefaultKeySource_CreatesAPrivateKeyFileOutsideTheCacheFolder()
    {
        var context = new FakePluginContext(_temp.Path);
        var cache = RecordingPluginRegistry.FileCacheFor(context);

        await cache.StoreAsync(TestEntries.Key(), TestEntries.Entry(), CancellationToken.None);

        var keyFile = Path.Combine(context.DataDirectory, "file-cache.key");
        Assert.Equal(32, new FileInfo(keyFile).Length);
        Assert.Single(Directory.EnumerateFiles(context.CacheDirectory));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(keyFile));
        }
    }

    [Fact]
    public async Task GetAsync_NewCacheInstanceWithTheSameKeyFile_ReadsWhatAnEarlierProcessStored()
    {
        var context = new FakePluginContext(_temp.Path);
        var stored = TestEntries.Entry();
        var key = TestEntries.Key();
        await RecordingPluginRegistry.FileCacheFor(context).StoreAsync(key, stored, CancellationToken.None);

        var entry = await RecordingPluginRegistry.FileCacheFor(context).GetAsync(key, CancellationToken.None);

        Assert.NotNull(entry);
        Assert.Equal(stored.IdToken, entry.IdToken);
        Assert.Equal(stored.RefreshToken, entry.RefreshToken);
    }

    [Fact]
    public async Task GetAsync_PassphraseFromEnvironment_RoundTripsWithoutAKeyFile()
    {
        var context = new FakePluginContext(_temp.Path);
        context.Environment["KUBEKEY_FILE_CACHE_PASSPHRASE"] = "correct horse battery staple";
        var cache = RecordingPluginRegistry.FileCacheFor(context);
        var stored = TestEntries.Entry();
        await cache.StoreAsync(TestEntries.Key(), stored, CancellationToken.None);

        var entry = await cache.GetAsync(TestEntries.Key(), CancellationToken.None);

        Assert.Equal(stored.IdToken, entry?.IdToken);
        Assert.False(Directory.Exists(context.DataDirectory));
    }

    [Fact]
    public async Task GetAsync_WrongPassphrase_MissesWithOneWarningThatHoldsNoSecret()
    {
        var writer = new FakePluginContext(_temp.Path);
        writer.Environment["KUBEKEY_FILE_CACHE_PASSPHRASE"] = "the first passphrase";
        var reader = new FakePluginContext(_temp.Path);
        reader.Environment["KUBEKEY_FILE_CACHE_PASSPHRASE"] = "another passphrase";
        var stored = TestEntries.Entry();
        var key = TestEntries.Key();
        await RecordingPluginRegistry.FileCacheFor(writer).StoreAsync(key, stored, CancellationToken.None);

        var entry = await RecordingPluginRegistry.FileCacheFor(reader).GetAsync(key, CancellationToken.None);

        Assert.Null(entry);
        var warning = Assert.Single(reader.RecordingLog.Warnings);
        Assert.Contains("KUBEKEY_FILE_CACHE_PASSPHRASE", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("the first passphrase", reader.RecordingLog.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("another passphrase", reader.RecordingLog.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.IdToken, reader.RecordingLog.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_KeyFromEnvironment_RoundTripsAndAnotherKeyMissesWithAWarning()
    {
        var writer = new FakePluginContext(_temp.Path);
        writer.Environment["KUBEKEY_FILE_CACHE_KEY"] = Convert.ToBase64String(new byte[32]);
        var reader = new FakePluginContext(_temp.Path);
        reader.Environment["KUBEKEY_FILE_CACHE_KEY"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());
        var writerCache = RecordingPluginRegistry.FileCacheFor(writer);
        await writerCache.StoreAsync(TestEntries.Key(), TestEntries.Entry(), CancellationToken.None);

        var own = await writerCache.GetAsync(TestEntries.Key(), CancellationToken.None);
        var readerCache = RecordingPluginRegistry.FileCacheFor(reader);
        var other = await readerCache.GetAsync(TestEntries.Key(), CancellationToken.None);

        Assert.NotNull(own);
        Assert.Null(other);
        Assert.Single(reader.RecordingLog.Warnings);
        Assert.Empty(writer.RecordingLog.Warnings);
    }

    [Fact]
    public async Task GetAsync_KeyFileFromSetting_RoundTrips()
    {
        var keyFile = WriteKeyFile("admin.key", 9);
        var context = new FakePluginContext(_temp.Path);
        context.Settings["keyFile"] = keyFile;
        var cache = RecordingPluginRegistry.FileCacheFor(context);
        await cache.StoreAsync(TestEntries.Key(), TestEntries.Entry(), CancellationToken.None);

        var entry = await cache.GetAsync(TestEntries.Key(), CancellationToken.None);

        Assert.NotNull(entry);
        Assert.False(Directory.Exists(context.DataDirectory));
    }

    [Fact]
    public async Task GetAsync_KeyFileFromEnvironment_RoundTripsAndAnotherKeyFileMissesWithAWarning()
    {
        var writer = new FakePluginContext(_temp.Path);
        writer.Environment["KUBEKEY_FILE_CACHE_KEY_FILE"] = WriteKeyFile("writer.key", 3);
        var reader = new FakePluginContext(_temp.Path);
        reader.Environment["KUBEKEY_FILE_CACHE_KEY_FILE"] = WriteKeyFile("reader.key", 4);
        var writerCache = RecordingPluginRegistry.FileCacheFor(writer);
        await writerCache.StoreAsync(TestEntries.Key(), TestEntries.Entry(), CancellationToken.None);

        var own = await writerCache.GetAsync(TestEntries.Key(), CancellationToken.None);
        var readerCache = RecordingPluginRegistry.FileCacheFor(reader);
        var other = await readerCache.GetAsync(TestEntries.Key(), CancellationToken.None);

        Assert.NotNull(own);
        Assert.Null(other);
        var warning = Assert.Single(reader.RecordingLog.Warnings);
        Assert.Contains("reader.key", warning, StringComparison.Ordinal);
        Assert.False(Directory.Exists(writer.DataDirectory));
    }

    private string WriteKeyFile(string name, byte fill)
    {
        var path = _temp.Combine(name);
        using var stream = new FileStream(path, UnixPermissions.NewPrivateFile());
        stream.Write(Enumerable.Repeat(fill, 32).ToArray());
        return path;
    }
}
