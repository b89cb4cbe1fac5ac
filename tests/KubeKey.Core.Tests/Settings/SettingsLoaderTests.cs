using KubeKey.Core.Errors;
using KubeKey.Core.Settings;

namespace KubeKey.Core.Tests.Settings;

public sealed class SettingsLoaderTests : IDisposable
{
    private readonly SettingsSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void LoadLayers_NoFilesNoFlags_OnlyTheEnvironment()
    {
        var layers = SettingsLoader.LoadLayers(_sandbox.Input());

        Assert.Equal(["environment"], layers.Select(l => l.Name));
    }

    [Fact]
    public void LoadLayers_EverySource_LowestPrecedenceFirst()
    {
        var system = _sandbox.WriteSystemConfig("{}");
        var user = _sandbox.WriteUserConfig("{}");
        var flags = new SettingsLayerBuilder().Build("flags");

        var layers = SettingsLoader.LoadLayers(_sandbox.Input(flags));

        Assert.Equal([system, user, "environment", "flags"], layers.Select(l => l.Name));
        Assert.Same(flags, layers[^1]);
    }

    [Fact]
    public void LoadLayers_XdgConfigHomeUnset_ReadsUserFileUnderHome()
    {
        _sandbox.Environment.Remove("XDG_CONFIG_HOME");
        var user = _sandbox.WriteFile("home/.config/kubekey/config.json", """{ "profile": "home" }""");

        var layers = SettingsLoader.LoadLayers(_sandbox.Input());

        Assert.Equal(user, layers[0].Name);
        Assert.Equal("home", layers[0].Configuration["profile"]);
    }

    [Fact]
    public void LoadLayers_KubeKeyConfigSet_ReadsThatFileInsteadOfUserFile()
    {
        _sandbox.WriteUserConfig("""{ "profile": "user" }""");
        var named = _sandbox.WriteFile("named.json", """{ "profile": "named" }""");
        _sandbox.Environment["KUBEKEY_CONFIG"] = named;

        var layers = SettingsLoader.LoadLayers(_sandbox.Input());

        Assert.Equal([named, "environment"], layers.Select(l => l.Name));
        Assert.Equal("named", layers[0].Configuration["profile"]);
    }

    [Fact]
    public void LoadLayers_KubeKeyConfigNamesMissingFile_ThrowsNamingFileAndVariable()
    {
        var missing = Path.Combine(_sandbox.Root, "nowhere", "config.json");
        _sandbox.Environment["KUBEKEY_CONFIG"] = missing;

        var error = LoadFailure();

        Assert.Contains($"'{missing}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("KUBEKEY_CONFIG", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadLayers_MissingUserAndSystemFiles_NoError()
    {
        var layers = SettingsLoader.LoadLayers(_sandbox.Input());

        Assert.DoesNotContain(layers, l => l.Name.EndsWith("config.json", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, "{ \"issuerUrl\": https://x }")]
    [InlineData(3, "{\n  \"issuerUrl\": \"https://login.example.com\",\n  \"clientId\": kubectl\n}")]
    [InlineData(5, "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n  \"d\": 4\n}")]
    [InlineData(4, "{\n  \"a\": 1,\n  \"b\": [1, 2,\n")]
    public void LoadLayers_MalformedUserFile_ThrowsNamingFileAndLine(int line, string json)
    {
        var user = _sandbox.WriteUserConfig(json);

        var error = LoadFailure();

        Assert.Contains($"'{user}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"at line {line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public void LoadLayers_MalformedSystemFile_ThrowsNamingSystemFile()
    {
        var system = _sandbox.WriteSystemConfig("{\n\n  \"cache\" \"file\"\n}");

        var error = LoadFailure();

        Assert.Contains($"'{system}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadLayers_TopLevelArray_ThrowsNamingFile()
    {
        var named = _sandbox.WriteFile("array.json", """["issuerUrl", "https://x"]""");
        _sandbox.Environment["KUBEKEY_CONFIG"] = named;

        var error = LoadFailure();

        Assert.Contains($"'{named}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadLayers_MalformedFileHoldingSecret_MessageDoesNotRepeatIt()
    {
        _sandbox.WriteUserConfig("{\n  \"clientSecret\": \"s3cret-value-0815\n}");

        var error = LoadFailure();

        Assert.DoesNotContain("s3cret-value-0815", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadLayers_FileWithCommentsAndTrailingComma_Accepted()
    {
        _sandbox.WriteUserConfig("{\n  // the team's issuer\n  \"profile\": \"p\",\n}");

        var layers = SettingsLoader.LoadLayers(_sandbox.Input());

        Assert.Equal("p", layers[0].Configuration["profile"]);
    }

    [Fact]
    public void LoadLayers_NewAndOriginalVariable_FirstListedWinsInEnvironmentLayer()
    {
        _sandbox.Environment["KUBEKEY_ISSUER_URL"] = "https://new.example";
        _sandbox.Environment["IDP_ISSUER_URL"] = "https://old.example";
        _sandbox.Environment["CLIENT_SECRET"] = "from-original-variable";

        var environment = SettingsLoader.LoadLayers(_sandbox.Input())[^1];

        Assert.Equal("https://new.example", environment.Configuration["issuerUrl"]);
        Assert.Equal("from-original-variable", environment.Configuration["clientSecret"]);
    }

    [Fact]
    public void LoadLayers_AuthParamsVariableWithoutEquals_ThrowsNamingVariable()
    {
        _sandbox.Environment["KUBEKEY_AUTH_PARAMS"] = "prompt=login,consent";

        var error = LoadFailure();

        Assert.Contains("KUBEKEY_AUTH_PARAMS", error.Message, StringComparison.Ordinal);
        Assert.Contains("'consent'", error.Message, StringComparison.Ordinal);
        Assert.Contains("key=value", error.Message, StringComparison.Ordinal);
    }

    private ConfigurationException LoadFailure() =>
        Assert.Throws<ConfigurationException>(() => SettingsLoader.LoadLayers(_sandbox.Input()));
}
