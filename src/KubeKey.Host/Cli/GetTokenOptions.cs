using CommandLine;

namespace KubeKey.Host.Cli;

/// <summary>
/// The flags of <c>get-token</c>, the verb kubectl runs. Names follow int128/kubelogin where the
/// meaning is the same, so its users switch by changing the command.
/// </summary>
[Verb("get-token", HelpText = "Print an ExecCredential for kubectl: cached, refreshed, or after a login.")]
internal sealed class GetTokenOptions : CommonOptions
{
    [Option("oidc-issuer-url", HelpText = "The OIDC issuer URL (also IDP_ISSUER_URL).")]
    public string? IssuerUrl { get; set; }

    [Option("oidc-client-id", HelpText = "The OAuth client id (also CLIENT_ID).")]
    public string? ClientId { get; set; }

    [Option("oidc-client-secret", HelpText = "The client secret of a confidential client (also CLIENT_SECRET).")]
    public string? ClientSecret { get; set; }

    [Option("oidc-extra-scope", HelpText = "A scope to ask for besides openid, profile and email; repeatable.")]
    public IEnumerable<string> ExtraScopes { get; set; } = [];

    [Option("oidc-auth-request-extra-params", HelpText = "key=value added to the authorization request; repeatable.")]
    public IEnumerable<string> AuthParams { get; set; } = [];

    [Option("profile", HelpText = "A name that keeps a separate login for the same issuer and client.")]
    public string? Profile { get; set; }

    [Option("cache", HelpText = "The token cache plugin, e.g. file.")]
    public string? Cache { get; set; }

    [Option("token-cache-dir", HelpText = "Where cache files and locks live (default $XDG_CACHE_HOME/kubekey).")]
    public string? TokenCacheDir { get; set; }

    [Option("plugin-dir", HelpText = "Another folder of plugin folders; repeatable.")]
    public IEnumerable<string> PluginDirs { get; set; } = [];

    [Option("browser", HelpText = "The browser plugin that opens the login page.")]
    public string? Browser { get; set; }

    [Option("templates", HelpText = "The plugin that renders the page shown after a login.")]
    public string? Templates { get; set; }

    [Option("expiry-margin", HelpText = "Renew tokens at most this long before they expire (default 300s).")]
    public string? ExpiryMargin { get; set; }

    [Option("force-refresh", HelpText = "Ignore a cached ID token and get a new one.")]
    public bool ForceRefresh { get; set; }

    [Option("listen-address", HelpText = "host:port the login listener binds (default 127.0.0.1:0, any free port).")]
    public string? ListenAddress { get; set; }

    [Option(
        "oidc-redirect-url-hostname",
        HelpText = "Host in the redirect URI: the listen host (default) or localhost.")]
    public string? RedirectHostname { get; set; }

    [Option("authentication-timeout-sec", HelpText = "How long a browser login may take (default 180s).")]
    public string? LoginTimeout { get; set; }

    [Option("skip-open-browser", HelpText = "Print the login URL on stderr without opening a browser.")]
    public bool SkipOpenBrowser { get; set; }

    [Option("certificate-authority", HelpText = "A PEM file of CAs to trust for the provider; repeatable.")]
    public IEnumerable<string> CertificateAuthorities { get; set; } = [];

    [Option("certificate-authority-data", HelpText = "Base64 PEM of CAs to trust for the provider; repeatable.")]
    public IEnumerable<string> CertificateAuthorityData { get; set; } = [];
}
