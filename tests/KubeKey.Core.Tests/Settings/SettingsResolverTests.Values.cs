using KubeKey.Core.Errors;
using KubeKey.Core.Settings;

namespace KubeKey.Core.Tests.Settings;

/// <summary>How typed values (seconds, true/false) are read, and how a bad one is reported.</summary>
public sealed partial class SettingsResolverTests
{
    [Theory]
    [InlineData("300", 300)]
    [InlineData("5m", 300)]
    [InlineData("30s", 30)]
    [InlineData("1h", 3600)]
    [InlineData("0", 0)]
    [InlineData(" 45 ", 45)]
    public void Resolve_ExpiryMarginInEnvironment_ParsedAsSeconds(string value, int seconds)
    {
        _sandbox.Environment["KUBEKEY_EXPIRY_MARGIN"] = value;

        var settings = _sandbox.Resolve();

        Assert.Equal(TimeSpan.FromSeconds(seconds), settings.ExpiryMargin);
    }

    [Fact]
    public void Resolve_ExpiryMarginAsJsonNumber_ParsedAsSeconds()
    {
        _sandbox.WriteUserConfig("""{ "expiryMargin": 120 }""");

        var settings = _sandbox.Resolve();

        Assert.Equal(TimeSpan.FromSeconds(120), settings.ExpiryMargin);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("5x")]
    [InlineData("m")]
    [InlineData("1.5m")]
    public void Resolve_ExpiryMarginMalformed_ThrowsNamingKeyAndValue(string value)
    {
        _sandbox.WriteUserConfig($$"""{ "expiryMargin": "{{value}}" }""");

        var error = Assert.Throws<ConfigurationException>(() => _sandbox.Resolve());

        Assert.Contains("expiryMargin", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("s, m or h", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
    }

    [Theory]
    [InlineData("99999999999999999")]
    [InlineData("999999999999999h")]
    public void Resolve_ExpiryMarginBeyondAnyTimeSpan_ThrowsConfigurationException(string value)
    {
        _sandbox.Environment["KUBEKEY_EXPIRY_MARGIN"] = value;

        var error = Assert.Throws<ConfigurationException>(() => _sandbox.Resolve());

        Assert.Contains("expiryMargin", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("TRUE", true)]
    public void Resolve_ForceRefreshFlag_ParsedAsTrueOrFalse(string value, bool expected)
    {
        var flags = SettingsSandbox.Flag(SettingDefinitions.ForceRefresh, value);

        var settings = _sandbox.Resolve(flags);

        Assert.Equal(expected, settings.ForceRefresh);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Resolve_ForceRefreshAsJsonBoolean_Parsed(string json, bool expected)
    {
        // The JSON reader hands booleans over as "True" and "False".
        _sandbox.WriteUserConfig($$"""{ "forceRefresh": {{json}} }""");

        var settings = _sandbox.Resolve();

        Assert.Equal(expected, settings.ForceRefresh);
    }

    [Fact]
    public void Resolve_ForceRefreshMalformed_ThrowsNamingKeyAndValue()
    {
        _sandbox.WriteUserConfig("""{ "forceRefresh": "maybe" }""");

        var error = Assert.Throws<ConfigurationException>(() => _sandbox.Resolve());

        Assert.Contains("forceRefresh", error.Message, StringComparison.Ordinal);
        Assert.Contains("'maybe'", error.Message, StringComparison.Ordinal);
        Assert.Contains("true or false", error.Message, StringComparison.Ordinal);
    }
}
