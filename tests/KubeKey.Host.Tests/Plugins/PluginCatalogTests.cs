using KubeKey.Abstractions;
using KubeKey.Host.Plugins;
using KubeKey.Testing;
using Moq;

namespace KubeKey.Host.Tests.Plugins;

public sealed class PluginCatalogTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _plugins;

    public PluginCatalogTests()
    {
        _plugins = _temp.Combine("plugins");
        Directory.CreateDirectory(_plugins);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Load_ThirdPartyPlugin_ItsCacheWorksThroughTheSharedContract()
    {
        InstallFixture("Fixture.Cache.Json");
        var catalog = Catalog();
        var context = new FakePluginContext(_temp.Path);

        var plugin = catalog.Load(PluginSlot.Cache, "Fixture.Cache.Json");
        var cache = plugin.Registry.TokenCache!(context);
        await cache.StoreAsync(TestEntries.Key(), TestEntries.Entry(), CancellationToken.None);
        var read = await cache.GetAsync(TestEntries.Key(), CancellationToken.None);

        Assert.Equal("9.9.9", plugin.Metadata.Version);
        Assert.Equal(TestEntries.Entry().IdToken, read?.IdToken);
    }

    [Fact]
    public void Load_FirstPartyShortName_FindsTheKubeKeyPlugin()
    {
        RepositoryLayout.InstallPlugin("plugins/Cache.File", "KubeKey.Cache.File", _plugins);

        var plugin = Catalog().Load(PluginSlot.Cache, "file");

        Assert.Equal("KubeKey.Cache.File", plugin.Metadata.Name);
        Assert.Equal(PluginContract.Version, plugin.Metadata.ContractVersion);
    }

    [Fact]
    public void Load_BuiltAgainstAnotherContract_IsRefusedNamingPluginFolderAndVersions()
    {
        var folder = InstallFixture("Fixture.Cache.Incompatible");

        var error = Assert.Throws<PluginException>(
            () => Catalog().Load(PluginSlot.Cache, "Fixture.Cache.Incompatible"));

        Assert.Contains("'Fixture.Cache.Incompatible'", error.Message, StringComparison.Ordinal);
        Assert.Contains(folder, error.Message, StringComparison.Ordinal);
        Assert.Contains("contract 2.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs contract 1.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownName_ListsOnlyThePluginsThatWorkHere()
    {
        InstallFixture("Fixture.Cache.Json");
        InstallFixture("Fixture.Cache.WindowsOnly");
        RepositoryLayout.InstallPlugin("plugins/Cache.File", "KubeKey.Cache.File", _plugins);

        var error = Assert.Throws<PluginException>(() => Catalog().Load(PluginSlot.Cache, "vault"));

        Assert.StartsWith("No token cache plugin named 'vault' is installed.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fixture.Cache.Json", error.Message, StringComparison.Ordinal);
        Assert.Contains("file", error.Message, StringComparison.Ordinal);
        Assert.Equal(OperatingSystem.IsWindows(), error.Message.Contains("WindowsOnly", StringComparison.Ordinal));
    }

    [UnixFact]
    public void Load_PluginForAnotherOs_IsRefusedWithWhatWorksHere()
    {
        InstallFixture("Fixture.Cache.WindowsOnly");
        InstallFixture("Fixture.Cache.Json");

        var error = Assert.Throws<PluginException>(() => Catalog().Load(PluginSlot.Cache, "Fixture.Cache.WindowsOnly"));

        Assert.Contains("does not work on", error.Message, StringComparison.Ordinal);
        Assert.Contains("Available on", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fixture.Cache.Json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FolderWithoutItsAssembly_SaysWhichFileIsMissing()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_plugins, "Acme.Cache.Vault")).FullName;

        var error = Assert.Throws<PluginException>(() => Catalog().Load(PluginSlot.Cache, "Acme.Cache.Vault"));

        Assert.Contains($"'{folder}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("no Acme.Cache.Vault.dll", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AssemblyThatIsNotDotNet_IsRefusedClearly()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_plugins, "Acme.Cache.Broken")).FullName;
        File.WriteAllText(Path.Combine(folder, "Acme.Cache.Broken.dll"), "this is not an assembly");

        var error = Assert.Throws<PluginException>(() => Catalog().Load(PluginSlot.Cache, "Acme.Cache.Broken"));

        Assert.Contains("'Acme.Cache.Broken'", error.Message, StringComparison.Ordinal);
        Assert.Contains(folder, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PluginWithoutThatSlot_SaysItProvidesNoSuchService()
    {
        InstallFixture("Fixture.Cache.Json");

        var error = Assert.Throws<PluginException>(() => Catalog().Load(PluginSlot.Browser, "Fixture.Cache.Json"));

        Assert.StartsWith(
            "The plugin 'Fixture.Cache.Json' provides no browser.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SamePluginTwice_LoadsTheAssemblyOnce()
    {
        InstallFixture("Fixture.Cache.Json");
        var real = new McMasterPluginLoader();
        var loader = new Mock<IPluginLoader>();
        loader.Setup(l => l.Load(It.IsAny<string>(), It.IsAny<string>()))
            .Returns((string name, string path) => real.Load(name, path));
        var catalog = new PluginCatalog([_plugins], loader.Object, Serilog.Core.Logger.None);

        catalog.Load(PluginSlot.Cache, "Fixture.Cache.Json");
        catalog.Load(PluginSlot.Cache, "fixture.cache.json");

        loader.Verify(l => l.Load(It.IsAny<string>(), It.IsAny<string>()), Times.Once);
    }

    [Fact]
    public void Load_ExtraRootFirst_WinsOverTheBuiltInFolder()
    {
        var extra = _temp.Combine("enterprise");
        InstallFixture("Fixture.Cache.Json");
        RepositoryLayout.InstallPlugin("tests/Fixtures/Fixture.Cache.Json", "Fixture.Cache.Json", extra);
        var catalog = new PluginCatalog([extra, _plugins], new McMasterPluginLoader(), Serilog.Core.Logger.None);

        var plugin = catalog.Load(PluginSlot.Cache, "Fixture.Cache.Json");

        Assert.StartsWith(extra, plugin.Folder, StringComparison.Ordinal);
    }

    private PluginCatalog Catalog() => new([_plugins], new McMasterPluginLoader(), Serilog.Core.Logger.None);

    private string InstallFixture(string name) =>
        RepositoryLayout.InstallPlugin($"tests/Fixtures/{name}", name, _plugins);
}
