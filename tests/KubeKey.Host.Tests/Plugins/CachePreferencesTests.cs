using KubeKey.Host.Plugins;

namespace KubeKey.Host.Tests.Plugins;

public sealed class CachePreferencesTests
{
    [Theory]
    [InlineData("linux", "secretservice")]
    [InlineData("macos", "mackeychain")]
    [InlineData("windows", "windowscredman")]
    public void For_EachOperatingSystem_PrefersItsKeyringThenTheFile(string platform, string keyring)
    {
        var order = CachePreferences.For(platform);

        Assert.Equal([keyring, "file"], order);
    }

    [Fact]
    public void For_UnknownOperatingSystem_UsesTheFileOnly()
    {
        var order = CachePreferences.For("plan9");

        Assert.Equal(["file"], order);
    }
}
