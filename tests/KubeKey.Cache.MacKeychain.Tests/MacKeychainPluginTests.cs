using KubeKey.Abstractions;
using KubeKey.Testing;
using Moq;

namespace KubeKey.Cache.MacKeychain.Tests;

public sealed class MacKeychainPluginTests
{
    [Fact]
    public void Metadata_Always_DescribesAMacOSPluginOfThisContract()
    {
        var metadata = new MacKeychainPlugin().Metadata;

        Assert.Equal("KubeKey.Cache.MacKeychain", metadata.Name);
        Assert.Equal(typeof(MacKeychainPlugin).Assembly.GetName().Name, metadata.Name);
        Assert.Equal(PluginContract.Version, metadata.ContractVersion);
        Assert.Equal(["macos"], metadata.Platforms);
        Assert.Equal(OperatingSystem.IsMacOS(), metadata.SupportsCurrentPlatform);
    }

    [Fact]
    public void Register_Always_AddsOnlyATokenCache()
    {
        var registry = new Mock<IPluginRegistry>(MockBehavior.Strict);
        registry.Setup(r => r.AddTokenCache(It.IsAny<Func<IPluginContext, ITokenCache>>()));

        new MacKeychainPlugin().Register(registry.Object);

        registry.Verify(r => r.AddTokenCache(It.IsAny<Func<IPluginContext, ITokenCache>>()), Times.Once);
    }

    [Fact]
    public void CacheFactory_OnThisSystem_GivesACacheOnlyOnMacOS()
    {
        Func<IPluginContext, ITokenCache>? factory = null;
        var registry = new Mock<IPluginRegistry>();
        registry.Setup(r => r.AddTokenCache(It.IsAny<Func<IPluginContext, ITokenCache>>()))
            .Callback((Func<IPluginContext, ITokenCache> f) => factory = f);
        new MacKeychainPlugin().Register(registry.Object);
        using var temp = new TempDirectory();

        var create = () => factory!(new FakePluginContext(temp.Path));

        if (OperatingSystem.IsMacOS())
        {
            Assert.IsAssignableFrom<ILegacyKeyringReader>(create());
        }
        else
        {
            var thrown = Assert.Throws<TokenCacheException>(create);
            Assert.Contains("only on macOS", thrown.Message, StringComparison.Ordinal);
        }
    }
}
