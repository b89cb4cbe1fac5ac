using KubeKey.Abstractions;
using KubeKey.Testing;
using Moq;

namespace KubeKey.Browser.System.Tests;

public sealed class SystemBrowserPluginTests
{
    [Fact]
    public void Metadata_Always_NamesThePluginForEveryPlatform()
    {
        var plugin = new SystemBrowserPlugin();

        var metadata = plugin.Metadata;

        Assert.Equal("KubeKey.Browser.System", metadata.Name);
        Assert.Equal(typeof(SystemBrowserPlugin).Assembly.GetName().Name, metadata.Name);
        Assert.Equal(PluginContract.Version, metadata.ContractVersion);
        Assert.Empty(metadata.Platforms);
        Assert.DoesNotContain("+", metadata.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_Always_FillsOnlyTheBrowserSlotWithALauncher()
    {
        var registry = new Mock<IPluginRegistry>(MockBehavior.Strict);
        Func<IPluginContext, IBrowserLauncher>? factory = null;
        registry.Setup(r => r.AddBrowserLauncher(It.IsAny<Func<IPluginContext, IBrowserLauncher>>()))
            .Callback<Func<IPluginContext, IBrowserLauncher>>(f => factory = f);
        using var temp = new TempDirectory();

        new SystemBrowserPlugin().Register(registry.Object);
        var launcher = factory!(new FakePluginContext(temp.Path));

        registry.Verify(r => r.AddBrowserLauncher(It.IsAny<Func<IPluginContext, IBrowserLauncher>>()), Times.Once);
        Assert.IsType<ProcessBrowserLauncher>(launcher);
    }
}
