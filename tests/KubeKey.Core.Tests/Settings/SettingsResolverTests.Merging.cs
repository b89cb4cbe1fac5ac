using KubeKey.Core.Settings;

namespace KubeKey.Core.Tests.Settings;

/// <summary>How lists, maps and plugin sections combine across layers, and the default folders.</summary>
public sealed partial class SettingsResolverTests
{
    [Fact]
    public void Resolve_ListInSystemAndUserFile_UserListReplacesWholeList()
    {
        _sandbox.WriteSystemConfig("""{ "extraScopes": ["a", "b", "c"] }""");
        _sandbox.WriteUserConfig("""{ "extraScopes": ["d"] }""");

        var settings = _sandbox.Resolve();

        Assert.Equal(["d"], settings.ExtraScopes);
        Assert.Equal(["openid", "profile", "email", "d"], settings.Scopes);
    }

    [Fact]
    public void Resolve_ListInFileAndEnvironmentAndFlags_FlagsListReplacesTheOthers()
    {
        _sandbox.WriteUserConfig("""{ "extraScopes": ["a", "b", "c"] }""");
        _sandbox.Environment["KUBEKEY_EXTRA_SCOPES"] = "e f";
        var flags = new SettingsLayerBuilder().Add(SettingDefinitions.ExtraScopes, "g").Build("flags");

        var withEnvironment = _sandbox.Resolve();
        var withFlags = _sandbox.Resolve(flags);

        Assert.Equal(["e", "f"], withEnvironment.ExtraScopes);
        Assert.Equal(["g"], withFlags.ExtraScopes);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    public void Resolve_EmptyListInUserFile_ClearsSystemList(string empty)
    {
        _sandbox.WriteSystemConfig("""{ "extraScopes": ["groups"] }""");
        _sandbox.WriteUserConfig($$"""{ "extraScopes": {{empty}} }""");

        var settings = _sandbox.Resolve();

        Assert.Empty(settings.ExtraScopes);
    }

    [Fact]
    public void Resolve_ListOnlyInSystemFile_Kept()
    {
        _sandbox.WriteSystemConfig("""{ "extraScopes": ["groups", "openid"] }""");
        _sandbox.WriteUserConfig("""{ "profile": "p" }""");

        var settings = _sandbox.Resolve();

        Assert.Equal(["groups", "openid"], settings.ExtraScopes);
        Assert.Equal(["openid", "profile", "email", "groups"], settings.Scopes);
    }

    [Fact]
    public void Resolve_ListWrittenAsStringInFile_SplitAtCommasAndSpaces()
    {
        _sandbox.WriteUserConfig("""{ "extraScopes": "groups, offline_access" }""");

        var settings = _sandbox.Resolve();

        Assert.Equal(["groups", "offline_access"], settings.ExtraScopes);
    }

    [Fact]
    public void Resolve_MapInSeveralLayers_MergedPerKeyLaterWins()
    {
        _sandbox.WriteSystemConfig("""{ "authParams": { "prompt": "login", "audience": "api" } }""");
        _sandbox.WriteUserConfig("""{ "authParams": { "prompt": "consent" } }""");
        _sandbox.Environment["KUBEKEY_AUTH_PARAMS"] = "login_hint=ada";
        var flags = new SettingsLayerBuilder()
            .Put(SettingDefinitions.AuthParams, "audience=other", "--oidc-auth-request-extra-params")
            .Build("flags");

        var settings = _sandbox.Resolve(flags);

        Assert.Equal(["audience", "login_hint", "prompt"], settings.AuthParams.Keys);
        Assert.Equal("other", settings.AuthParams["audience"]);
        Assert.Equal("ada", settings.AuthParams["login_hint"]);
        Assert.Equal("consent", settings.AuthParams["prompt"]);
    }

    [Fact]
    public void Resolve_PluginSectionsInSeveralLayers_MergedPerPluginAndKey()
    {
        _sandbox.WriteSystemConfig("""
            { "plugins": {
                "KubeKey.Cache.File": { "keyFile": "/etc/key", "mode": "strict" },
                "Corp.Browser": { "command": "firefox" } } }
            """);
        _sandbox.WriteUserConfig("""{ "plugins": { "kubekey.cache.file": { "keyFile": "/home/key" } } }""");
        var flags = new SettingsLayerBuilder().SetRaw("plugins:KubeKey.Cache.File:extra", "1").Build("flags");

        var settings = _sandbox.Resolve(flags);

        var file = settings.PluginSettings["KubeKey.Cache.File"];
        Assert.Equal("/home/key", file["keyFile"]);
        Assert.Equal("strict", file["mode"]);
        Assert.Equal("1", file["extra"]);
        Assert.Equal(3, file.Count);
        Assert.Equal("firefox", settings.PluginSettings["corp.browser"]["COMMAND"]);
        Assert.Equal(2, settings.PluginSettings.Count);
    }

    [UnixFact]
    public void Resolve_XdgCacheHomeSet_CacheDirectoryUnderIt()
    {
        _sandbox.Environment["XDG_CACHE_HOME"] = "/var/tmp/xdg-cache";

        var settings = _sandbox.Resolve();

        Assert.Equal("/var/tmp/xdg-cache/kubekey", settings.CacheDirectory);
    }

    [UnixFact]
    public void Resolve_XdgCacheHomeUnset_CacheDirectoryUnderHome()
    {
        _sandbox.Environment["HOME"] = "/home/ada";

        var settings = _sandbox.Resolve();

        Assert.Equal("/home/ada/.cache/kubekey", settings.CacheDirectory);
        Assert.Equal("/home/ada/.local/share/kubekey", settings.DataDirectory);
    }

    [UnixFact]
    public void Resolve_CacheAndDataHomeTheSame_CacheInAFolderOfItsOwn()
    {
        // The file cache keeps its key in the data folder; its entries must not sit beside it.
        _sandbox.Environment["XDG_CACHE_HOME"] = "/var/tmp/xdg";
        _sandbox.Environment["XDG_DATA_HOME"] = "/var/tmp/xdg";

        var settings = _sandbox.Resolve();

        Assert.Equal("/var/tmp/xdg/kubekey", settings.DataDirectory);
        Assert.Equal("/var/tmp/xdg/kubekey/cache", settings.CacheDirectory);
    }

    [UnixFact]
    public void Resolve_XdgCacheHomeRelative_IgnoredForHome()
    {
        // The XDG spec says a relative path in these variables is invalid and must be ignored.
        _sandbox.Environment["HOME"] = "/home/ada";
        _sandbox.Environment["XDG_CACHE_HOME"] = "relative/cache";

        var settings = _sandbox.Resolve();

        Assert.Equal("/home/ada/.cache/kubekey", settings.CacheDirectory);
    }

    [UnixFact]
    public void Resolve_CacheDirFlag_WinsOverEnvironmentAndXdg()
    {
        _sandbox.Environment["XDG_CACHE_HOME"] = "/var/tmp/xdg-cache";
        _sandbox.Environment["KUBEKEY_CACHE_DIR"] = "/var/tmp/from-env";
        var flags = SettingsSandbox.Flag(SettingDefinitions.CacheDir, "/var/tmp/from-flag");

        var settings = _sandbox.Resolve(flags);

        Assert.Equal("/var/tmp/from-flag", settings.CacheDirectory);
    }
}
