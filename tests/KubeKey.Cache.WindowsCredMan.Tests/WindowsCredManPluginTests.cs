using KubeKey.Abstractions;
using KubeKey.Testing;
using Moq;

namespace KubeKey.Cache.WindowsCredMan.Tests;

public sealed class WindowsCredManPluginTests
{
    [Fact]
    public void Metadata_Always_DescribesAWindowsPluginOfThisContract()
    {
        var metadata = new WindowsCredManPlugin().Metadata;

        Assert.Equal("KubeKey.Cache.WindowsCredMan", metadata.Name);
        Assert.Equal(typeof(WindowsCredManPlugin).Assembly.GetName().Name, metadata.Name);
        Assert.Equal(PluginContract.Version, metadata.ContractVersion);
        Assert.Equal(["windows"], metadata.Platforms);
        Assert.Equal(OperatingSystem.IsWindows(), metadata.SupportsCurrentPlatform);
    }

    [Fact]
    public void Register_Always_AddsOnlyATokenCache()
    {
        var registry = new Mock<IPluginRegistry>(MockBehavior.Strict);
        registry.Setup(r => r.AddTokenCache(It.IsAny<Func<IPluginContext, ITokenCache>>()));

        new WindowsCredManPlugin().Register(registry.Object);

        registry.Verify(r => r.AddTokenCache(It.IsAny<Func<IPluginContext, ITokenCache>>()), Times.Once);
    }

    [Fact]
    public void CacheFactory_OnThisSystem_GivesACacheOnlyOnWindows()
    {
        Func<IPluginContext, ITokenCache>? factory = null;
        var registry = new Mock<IPluginRegistry>();
        registry.Setup(r => r.AddTokenCache(It.IsAny<Func<IPluginContext, ITokenCache>>()))
            .Callback((Func<IPluginContext, ITokenCache> f) => factory = f);
        new WindowsCredManPlugin().Register(registry.Object);
        using var temp = new TempDirectory();

        var create = () => factory!(new FakePluginContext(temp.Path));

        if (OperatingSystem.IsWindows())
        {
            Assert.IsAssignableFrom<ILegacyKeyringReader>(create());
        }
        else
        {
            var thrown = Assert.Throws<TokenCacheException>(create);
            Assert.Contains("only on Windows", thrown.Message, StringComparison.Ordinal);
        }
    }
}
