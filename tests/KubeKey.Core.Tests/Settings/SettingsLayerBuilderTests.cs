using KubeKey.Core.Errors;
using KubeKey.Core.Settings;

namespace KubeKey.Core.Tests.Settings;

public sealed class SettingsLayerBuilderTests
{
    [Fact]
    public void Set_TextSetting_ReadUnderItsConfigKey()
    {
        var layer = new SettingsLayerBuilder().Set(SettingDefinitions.IssuerUrl, "https://x.example").Build("flags");

        Assert.Equal("https://x.example", layer.Configuration["issuerUrl"]);
        Assert.Equal("flags", layer.Name);
    }

    [Fact]
    public void Set_SameSettingTwice_LastValueKept()
    {
        var layer = new SettingsLayerBuilder()
            .Set(SettingDefinitions.Profile, "first")
            .Set(SettingDefinitions.Profile, "second")
            .Build("flags");

        Assert.Equal("second", layer.Configuration["profile"]);
    }

    [Fact]
    public void Add_SeveralItems_IndexedInOrderLikeAJsonArray()
    {
        var layer = new SettingsLayerBuilder()
            .Add(SettingDefinitions.ExtraScopes, "groups")
            .Add(SettingDefinitions.ExtraScopes, "offline_access")
            .Build("flags");

        Assert.Equal("groups", layer.Configuration["extraScopes:0"]);
        Assert.Equal("offline_access", layer.Configuration["extraScopes:1"]);
        Assert.Null(layer.Configuration["extraScopes:2"]);
    }

    [Fact]
    public void Apply_ListSetting_SplitsAtCommasAndSpacesAndDropsEmptyItems()
    {
        var layer = new SettingsLayerBuilder()
            .Apply(SettingDefinitions.ExtraScopes, " groups, offline_access  email,,", "KUBEKEY_EXTRA_SCOPES")
            .Build("environment");

        var items = layer.Configuration.GetSection("extraScopes").GetChildren().Select(c => c.Value);
        Assert.Equal(["groups", "offline_access", "email"], items);
    }

    [Fact]
    public void Apply_MapSetting_PutsEachPairTrimmed()
    {
        var layer = new SettingsLayerBuilder()
            .Apply(SettingDefinitions.AuthParams, "prompt = consent,audience=api", "KUBEKEY_AUTH_PARAMS")
            .Build("environment");

        Assert.Equal("consent", layer.Configuration["authParams:prompt"]);
        Assert.Equal("api", layer.Configuration["authParams:audience"]);
    }

    [Fact]
    public void Apply_MapValueWithSpaces_KeptWhole()
    {
        // OIDC writes ui_locales and acr_values as space-separated lists inside one parameter.
        var layer = new SettingsLayerBuilder()
            .Apply(SettingDefinitions.AuthParams, "ui_locales=de en,acr_values=urn:a urn:b", "KUBEKEY_AUTH_PARAMS")
            .Build("environment");

        Assert.Equal("de en", layer.Configuration["authParams:ui_locales"]);
        Assert.Equal("urn:a urn:b", layer.Configuration["authParams:acr_values"]);
    }

    [Fact]
    public void Apply_TextSettingWithCommas_KeptWhole()
    {
        var layer = new SettingsLayerBuilder()
            .Apply(SettingDefinitions.LogFile, "/tmp/a,b.log", "KUBEKEY_LOG_FILE")
            .Build("environment");

        Assert.Equal("/tmp/a,b.log", layer.Configuration["logFile"]);
    }

    [Fact]
    public void Put_ValueHoldsEquals_SplitAtTheFirstOnly()
    {
        var layer = new SettingsLayerBuilder()
            .Put(SettingDefinitions.AuthParams, "claims=a=b", "--oidc-auth-request-extra-params")
            .Build("flags");

        Assert.Equal("a=b", layer.Configuration["authParams:claims"]);
    }

    [Theory]
    [InlineData("prompt")]
    [InlineData("=consent")]
    public void Put_NoKey_ThrowsNamingSourceAndValue(string pair)
    {
        var builder = new SettingsLayerBuilder();

        var error = Assert.Throws<ConfigurationException>(
            () => builder.Put(SettingDefinitions.AuthParams, pair, "--oidc-auth-request-extra-params"));

        Assert.Contains("--oidc-auth-request-extra-params", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{pair}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("key=value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetRaw_PluginKey_ReadableAsPluginSection()
    {
        var layer = new SettingsLayerBuilder().SetRaw("plugins:KubeKey.Cache.File:keyFile", "/k").Build("flags");

        var section = layer.Configuration.GetSection("plugins").GetSection("KubeKey.Cache.File");
        Assert.Equal("/k", section["keyFile"]);
    }

    [Fact]
    public void Build_NothingSet_EmptyLayer()
    {
        var layer = new SettingsLayerBuilder().Build("flags");

        Assert.Empty(layer.Configuration.GetChildren());
    }
}
