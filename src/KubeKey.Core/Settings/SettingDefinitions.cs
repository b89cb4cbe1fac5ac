namespace KubeKey.Core.Settings;

/// <summary>
/// Every setting kubekey reads, in one table: docs/configuration.md describes the same list.
/// Flag names follow int128/kubelogin where the meaning is the same, so its users switch by
/// changing the command; the original kubekey's variables keep working.
/// </summary>
public static class SettingDefinitions
{
    public static readonly SettingDefinition IssuerUrl =
        new("issuerUrl", SettingKind.Text, "oidc-issuer-url", ["KUBEKEY_ISSUER_URL", "IDP_ISSUER_URL"], null);

    public static readonly SettingDefinition ClientId =
        new("clientId", SettingKind.Text, "oidc-client-id", ["KUBEKEY_CLIENT_ID", "CLIENT_ID"], null);

    public static readonly SettingDefinition ClientSecret =
        new("clientSecret", SettingKind.Text, "oidc-client-secret", ["KUBEKEY_CLIENT_SECRET", "CLIENT_SECRET"], null);

    public static readonly SettingDefinition ExtraScopes =
        new("extraScopes", SettingKind.List, "oidc-extra-scope", ["KUBEKEY_EXTRA_SCOPES"], null);

    public static readonly SettingDefinition AuthParams =
        new("authParams", SettingKind.Map, "oidc-auth-request-extra-params", ["KUBEKEY_AUTH_PARAMS"], null);

    public static readonly SettingDefinition Profile =
        new("profile", SettingKind.Text, "profile", ["KUBEKEY_PROFILE"], null);

    public static readonly SettingDefinition Cache =
        new("cache", SettingKind.Text, "cache", ["KUBEKEY_CACHE"], null);

    public static readonly SettingDefinition CacheDir =
        new("cacheDir", SettingKind.Text, "token-cache-dir", ["KUBEKEY_CACHE_DIR"], null);

    public static readonly SettingDefinition PluginDirs =
        new("pluginDirs", SettingKind.List, "plugin-dir", ["KUBEKEY_PLUGIN_DIRS"], null);

    public static readonly SettingDefinition Browser =
        new("browser", SettingKind.Text, "browser", ["KUBEKEY_BROWSER"], "KubeKey.Browser.System");

    public static readonly SettingDefinition Templates =
        new("templates", SettingKind.Text, "templates", ["KUBEKEY_TEMPLATES"], "KubeKey.Templates.Scriban");

    public static readonly SettingDefinition TemplateDir =
        new("templateDir", SettingKind.Text, null, ["KUBEKEY_TEMPLATEDIR"], null);

    public static readonly SettingDefinition ExpiryMargin =
        new("expiryMargin", SettingKind.Seconds, "expiry-margin", ["KUBEKEY_EXPIRY_MARGIN"], "300");

    public static readonly SettingDefinition ForceRefresh =
        new("forceRefresh", SettingKind.Flag, "force-refresh", [], "false");

    public static readonly SettingDefinition ListenAddress =
        new("listenAddress", SettingKind.Text, "listen-address", ["KUBEKEY_LISTEN_ADDRESS"], "127.0.0.1:0");

    public static readonly SettingDefinition RedirectHostname =
        new("redirectHostname", SettingKind.Text, "oidc-redirect-url-hostname", ["KUBEKEY_REDIRECT_HOSTNAME"], null);

    public static readonly SettingDefinition LoginTimeout =
        new("loginTimeout", SettingKind.Seconds, "authentication-timeout-sec", ["KUBEKEY_LOGIN_TIMEOUT"], "180");

    public static readonly SettingDefinition SkipOpenBrowser =
        new("skipOpenBrowser", SettingKind.Flag, "skip-open-browser", ["KUBEKEY_SKIP_OPEN_BROWSER"], "false");

    public static readonly SettingDefinition CertificateAuthorities =
        new("certificateAuthorities", SettingKind.List, "certificate-authority",
            ["KUBEKEY_CERTIFICATE_AUTHORITY"], null);

    public static readonly SettingDefinition CertificateAuthorityData =
        new("certificateAuthorityData", SettingKind.List, "certificate-authority-data",
            ["KUBEKEY_CERTIFICATE_AUTHORITY_DATA"], null);

    public static readonly SettingDefinition LogLevel =
        new("logLevel", SettingKind.Text, "log-level", ["KUBEKEY_LOG_LEVEL"], "warning");

    public static readonly SettingDefinition LogFile =
        new("logFile", SettingKind.Text, "log-file", ["KUBEKEY_LOG_FILE"], null);

    /// <summary>All settings, in the order docs/configuration.md lists them.</summary>
    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        IssuerUrl, ClientId, ClientSecret, ExtraScopes, AuthParams, Profile, Cache, CacheDir, PluginDirs,
        Browser, Templates, TemplateDir, ExpiryMargin, ForceRefresh, ListenAddress, RedirectHostname, LoginTimeout,
        SkipOpenBrowser, CertificateAuthorities, CertificateAuthorityData, LogLevel, LogFile,
    ];
}
