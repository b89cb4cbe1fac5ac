using KubeKey.Abstractions;
using KubeKey.Testing;

namespace KubeKey.Cache.MacKeychain.Tests;

public sealed class MacKeychainOptionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void FromContext_NoSettings_UsesTheDefaults()
    {
        var options = MacKeychainOptions.FromContext(new FakePluginContext(_temp.Path));

        Assert.Equal(("io.github.kubekey", true), (options.Service, options.AllowPrompts));
        Assert.Equal(TimeSpan.FromMinutes(2), options.Timeout);
    }

    [Fact]
    public void FromContext_Settings_AreHonoured()
    {
        var context = new FakePluginContext(_temp.Path);
        context.Settings["service"] = "com.example.kubekey";
        context.Settings["prompt"] = "never";

        var options = MacKeychainOptions.FromContext(context);

        Assert.Equal(("com.example.kubekey", false), (options.Service, options.AllowPrompts));
    }

    [Theory]
    [InlineData("prompt", "sometimes", "\"allow\" or \"never\"")]
    [InlineData("service", " ", "a service name")]
    public void FromContext_BadSetting_ThrowsNamingSettingValueAndFix(string name, string value, string fix)
    {
        var context = new FakePluginContext(_temp.Path);
        context.Settings[name] = value;

        var thrown = Assert.Throws<TokenCacheException>(() => MacKeychainOptions.FromContext(context));

        var expected = $"plugins.KubeKey.Cache.MacKeychain.{name} is \"{value}\"";
        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
        Assert.Contains(fix, thrown.Message, StringComparison.Ordinal);
    }
}
