using System.Diagnostics;
using KubeKey.Abstractions;
using KubeKey.Cache.SecretService.Tests.Support;
using KubeKey.Testing;
using Moq;

namespace KubeKey.Cache.SecretService.Tests;

/// <summary>The plugin's entry point and its availability probe.</summary>
public sealed class SecretServicePluginTests : IClassFixture<PrivateSecretService>
{
    private readonly PrivateSecretService _keyring;

    public SecretServicePluginTests(PrivateSecretService keyring)
    {
        _keyring = keyring;
    }

    [Fact]
    public void Metadata_Always_NamesTheAssemblyAndLinux()
    {
        var plugin = new SecretServicePlugin();

        var metadata = plugin.Metadata;

        Assert.Equal("KubeKey.Cache.SecretService", metadata.Name);
        Assert.Equal(typeof(SecretServicePlugin).Assembly.GetName().Name, metadata.Name);
        Assert.Equal(PluginContract.Version, metadata.ContractVersion);
        Assert.Equal(["linux"], metadata.Platforms);
    }

    [Fact]
    public void Register_Always_AddsOneTokenCacheFactoryThatAlsoReadsLegacyItems()
    {
        var registry = new Mock<IPluginRegistry>();
        Func<IPluginContext, ITokenCache>? factory = null;
        registry.Setup(r => r.AddTokenCache(It.IsAny<Func<IPluginContext, ITokenCache>>()))
            .Callback<Func<IPluginContext, ITokenCache>>(f => factory = f);
        using var temp = new TempDirectory();

        new SecretServicePlugin().Register(registry.Object);
        var cache = factory!(new FakePluginContext(temp.Path));

        registry.Verify(r => r.AddTokenCache(It.IsAny<Func<IPluginContext, ITokenCache>>()), Times.Once);
        registry.VerifyNoOtherCalls();
        Assert.IsType<ILegacyKeyringReader>(cache, exactMatch: false);
    }

    [LinuxFact]
    public async Task IsAvailableAsync_RunningKeyring_ReturnsTrue()
    {
        var context = _keyring.CreateContext();

        var available = await SecretServicePlugin.IsAvailableAsync(context, default);

        Assert.True(available, context.RecordingLog.AllText);
    }

    [LinuxFact]
    public async Task IsAvailableAsync_MissingSocket_ReturnsFalseQuickly()
    {
        using var temp = new TempDirectory();
        var context = new FakePluginContext(temp.Path);
        context.Environment["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=" + temp.Combine("no-such-bus");
        var clock = Stopwatch.StartNew();

        var available = await SecretServicePlugin.IsAvailableAsync(context, default);

        Assert.False(available);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [LinuxFact]
    public async Task IsAvailableAsync_BusWithoutSecretService_ReturnsFalseWithinTwoSeconds()
    {
        using var temp = new TempDirectory();
        using var bus = await PrivateSessionBus.StartAsync(temp.Path);
        var context = new FakePluginContext(temp.Path);
        context.Environment["DBUS_SESSION_BUS_ADDRESS"] = bus.Address;
        var clock = Stopwatch.StartNew();

        var available = await SecretServicePlugin.IsAvailableAsync(context, default);

        Assert.False(available);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Contains("org.freedesktop.secrets", context.RecordingLog.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsAvailableAsync_NoBusAtAll_ReturnsFalse()
    {
        using var temp = new TempDirectory();
        var context = new FakePluginContext(temp.Path);

        var available = await SecretServicePlugin.IsAvailableAsync(context, default);

        Assert.False(available);
    }
}
