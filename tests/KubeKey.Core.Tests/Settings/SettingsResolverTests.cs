using KubeKey.Core.Settings;

namespace KubeKey.Core.Tests.Settings;

public sealed partial class SettingsResolverTests : IDisposable
{
    private static readonly string[] StandardTemplateDirectories =
        ["/etc/kubekey", "/usr/local/share/kubekey", "/usr/share/kubekey"];

    private readonly SettingsSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Resolve_NothingConfigured_UsesCompiledDefaults()
    {
        var settings = _sandbox.Resolve();

        Assert.Null(settings.IssuerUrl);
        Assert.Null(settings.ClientId);
        Assert.Null(settings.ClientSecret);
        Assert.Null(settings.Cache);
        Assert.Equal("KubeKey.Browser.System", settings.Browser);
        Assert.Equal("KubeKey.Templates.Scriban", settings.Templates);
        Assert.Equal("warning", settings.LogLevel);
        Assert.Equal(TimeSpan.FromSeconds(300), settings.ExpiryMargin);
        Assert.False(settings.ForceRefresh);
        Assert.Empty(settings.ExtraScopes);
        Assert.Equal(["openid", "profile", "email"], settings.Scopes);
        Assert.Empty(settings.AuthParams);
        Assert.Empty(settings.PluginSettings);
        Assert.Empty(settings.ConfigFiles);
        Assert.Equal(StandardTemplateDirectories, settings.TemplateDirectories);
    }

    [Fact]
    public void Resolve_SystemFile_OverridesCompiledDefault()
    {
        var system = _sandbox.WriteSystemConfig("""{ "logLevel": "information" }""");

        var settings = _sandbox.Resolve();

        Assert.Equal("information", settings.LogLevel);
        Assert.Equal([system], settings.ConfigFiles);
    }

    [Fact]
    public void Resolve_UserFile_OverridesSystemFile()
    {
        var system = _sandbox.WriteSystemConfig("""{ "logLevel": "information" }""");
        var user = _sandbox.WriteUserConfig("""{ "logLevel": "debug" }""");

        var settings = _sandbox.Resolve();

        Assert.Equal("debug", settings.LogLevel);
        Assert.Equal([system, user], settings.ConfigFiles);
    }

    [Fact]
    public void Resolve_KubeKeyConfigFile_OverridesSystemFileAndReplacesUserFile()
    {
        var system = _sandbox.WriteSystemConfig("""{ "logLevel": "information", "cache": "file" }""");
        _sandbox.WriteUserConfig("""{ "logLevel": "debug", "profile": "from-user-file" }""");
        var named = _sandbox.WriteFile("team.json", """{ "logLevel": "error" }""");
        _sandbox.Environment["KUBEKEY_CONFIG"] = named;

        var settings = _sandbox.Resolve();

        Assert.Equal("error", settings.LogLevel);
        Assert.Equal("file", settings.Cache);
        Assert.Null(settings.Profile);
        Assert.Equal([system, named], settings.ConfigFiles);
    }

    [Fact]
    public void Resolve_EnvironmentVariable_OverridesBothFiles()
    {
        _sandbox.WriteSystemConfig("""{ "logLevel": "information" }""");
        _sandbox.WriteUserConfig("""{ "logLevel": "debug" }""");
        _sandbox.Environment["KUBEKEY_LOG_LEVEL"] = "error";

        var settings = _sandbox.Resolve();

        Assert.Equal("error", settings.LogLevel);
    }

    [Fact]
    public void Resolve_Flag_OverridesEnvironmentAndFiles()
    {
        _sandbox.WriteSystemConfig("""{ "logLevel": "information" }""");
        _sandbox.WriteUserConfig("""{ "logLevel": "debug" }""");
        _sandbox.Environment["KUBEKEY_LOG_LEVEL"] = "error";
        var flags = SettingsSandbox.Flag(SettingDefinitions.LogLevel, "verbose");

        var settings = _sandbox.Resolve(flags);

        Assert.Equal("verbose", settings.LogLevel);
    }

    [Fact]
    public void Resolve_EachLayerSetsADifferentKey_LowerLayersStillApply()
    {
        _sandbox.WriteSystemConfig("""{ "browser": "Corp.Browser", "logLevel": "information" }""");
        _sandbox.WriteUserConfig("""{ "templates": "Corp.Templates" }""");
        _sandbox.Environment["KUBEKEY_CACHE"] = "secretservice";
        var flags = SettingsSandbox.Flag(SettingDefinitions.Profile, "admin");

        var settings = _sandbox.Resolve(flags);

        Assert.Equal("Corp.Browser", settings.Browser);
        Assert.Equal("information", settings.LogLevel);
        Assert.Equal("Corp.Templates", settings.Templates);
        Assert.Equal("secretservice", settings.Cache);
        Assert.Equal("admin", settings.Profile);
    }

    [Fact]
    public void Resolve_OriginalKubeKeyVariables_SetIdentity()
    {
        _sandbox.Environment["IDP_ISSUER_URL"] = "https://login.example.com/realms/k8s";
        _sandbox.Environment["CLIENT_ID"] = "kubectl";
        _sandbox.Environment["CLIENT_SECRET"] = "not-so-secret";

        var settings = _sandbox.Resolve();

        Assert.Equal("https://login.example.com/realms/k8s", settings.IssuerUrl);
        Assert.Equal("kubectl", settings.ClientId);
        Assert.Equal("not-so-secret", settings.ClientSecret);
    }

    [Fact]
    public void Resolve_OriginalVariablesOverUserFile_VariablesWin()
    {
        _sandbox.WriteUserConfig("""{ "issuerUrl": "https://file.example", "clientId": "from-file" }""");
        _sandbox.Environment["IDP_ISSUER_URL"] = "https://env.example";
        _sandbox.Environment["CLIENT_ID"] = "from-env";

        var settings = _sandbox.Resolve();

        Assert.Equal("https://env.example", settings.IssuerUrl);
        Assert.Equal("from-env", settings.ClientId);
    }

    [Fact]
    public void Resolve_KubeKeyTemplateDir_ComesFirstInTemplateDirectories()
    {
        _sandbox.Environment["KUBEKEY_TEMPLATEDIR"] = "/opt/corp/templates";

        var settings = _sandbox.Resolve();

        Assert.Equal(
            ["/opt/corp/templates", .. StandardTemplateDirectories], settings.TemplateDirectories);
    }

    [Fact]
    public void Resolve_KubeKeyVariables_SetEverySetting()
    {
        var env = _sandbox.Environment;
        env["KUBEKEY_ISSUER_URL"] = "https://issuer.example";
        env["KUBEKEY_CLIENT_ID"] = "client";
        env["KUBEKEY_CLIENT_SECRET"] = "secret";
        env["KUBEKEY_EXTRA_SCOPES"] = "groups,offline_access";
        env["KUBEKEY_AUTH_PARAMS"] = "prompt=consent,audience=api";
        env["KUBEKEY_PROFILE"] = "admin";
        env["KUBEKEY_CACHE"] = "file";
        env["KUBEKEY_CACHE_DIR"] = _sandbox.Root + "/tokens";
        env["KUBEKEY_PLUGIN_DIRS"] = "/opt/a,/opt/b";
        env["KUBEKEY_BROWSER"] = "Corp.Browser";
        env["KUBEKEY_TEMPLATES"] = "Corp.Templates";
        env["KUBEKEY_EXPIRY_MARGIN"] = "2m";
        env["KUBEKEY_LOG_LEVEL"] = "debug";
        env["KUBEKEY_LOG_FILE"] = "/tmp/kubekey.log";

        var settings = _sandbox.Resolve();

        Assert.Equal("https://issuer.example", settings.IssuerUrl);
        Assert.Equal("client", settings.ClientId);
        Assert.Equal("secret", settings.ClientSecret);
        Assert.Equal(["groups", "offline_access"], settings.ExtraScopes);
        Assert.Equal(["audience", "prompt"], settings.AuthParams.Keys);
        Assert.Equal("consent", settings.AuthParams["prompt"]);
        Assert.Equal("api", settings.AuthParams["audience"]);
        Assert.Equal("admin", settings.Profile);
        Assert.Equal("file", settings.Cache);
        Assert.Equal(Path.GetFullPath(_sandbox.Root + "/tokens"), settings.CacheDirectory);
        Assert.Equal([Path.GetFullPath("/opt/a"), Path.GetFullPath("/opt/b")], settings.PluginDirectories);
        Assert.Equal("Corp.Browser", settings.Browser);
        Assert.Equal("Corp.Templates", settings.Templates);
        Assert.Equal(TimeSpan.FromMinutes(2), settings.ExpiryMargin);
        Assert.Equal("debug", settings.LogLevel);
        Assert.Equal("/tmp/kubekey.log", settings.LogFile);
    }

    [Fact]
    public void Resolve_NewAndOriginalVariableBothSet_NewOneWins()
    {
        _sandbox.Environment["KUBEKEY_CLIENT_ID"] = "new";
        _sandbox.Environment["CLIENT_ID"] = "old";

        var settings = _sandbox.Resolve();

        Assert.Equal("new", settings.ClientId);
    }

    [Fact]
    public void Resolve_NewVariableEmpty_OriginalVariableApplies()
    {
        _sandbox.Environment["KUBEKEY_ISSUER_URL"] = string.Empty;
        _sandbox.Environment["IDP_ISSUER_URL"] = "https://old.example";

        var settings = _sandbox.Resolve();

        Assert.Equal("https://old.example", settings.IssuerUrl);
    }
}
