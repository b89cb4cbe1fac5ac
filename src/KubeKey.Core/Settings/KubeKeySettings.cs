namespace KubeKey.Core.Settings;

/// <summary>The settings in force for one run, after every layer was applied (later wins).</summary>
public sealed class KubeKeySettings
{
    /// <summary>The scopes every login asks for; <see cref="ExtraScopes"/> come on top.</summary>
    public static readonly IReadOnlyList<string> DefaultScopes = ["openid", "profile", "email"];

    public string? IssuerUrl { get; init; }

    public string? ClientId { get; init; }

    /// <summary>The client secret of a confidential client; null for a public one. A secret.</summary>
    public string? ClientSecret { get; init; }

    public IReadOnlyList<string> ExtraScopes { get; init; } = [];

    /// <summary>Extra authorization request parameters (prompt, login_hint, audience, …), sorted by key.</summary>
    public IReadOnlyDictionary<string, string> AuthParams { get; init; } = new SortedDictionary<string, string>();

    public string? Profile { get; init; }

    /// <summary>The cache plugin asked for, or null to choose automatically.</summary>
    public string? Cache { get; init; }

    public required string CacheDirectory { get; init; }

    public required string DataDirectory { get; init; }

    public IReadOnlyList<string> PluginDirectories { get; init; } = [];

    public required string Browser { get; init; }

    public required string Templates { get; init; }

    /// <summary>Where page templates are looked for, first match wins.</summary>
    public IReadOnlyList<string> TemplateDirectories { get; init; } = [];

    /// <summary>The most a token's reported expiry is brought forward; see <c>Caching.ExpiryPolicy</c>.</summary>
    public TimeSpan ExpiryMargin { get; init; }

    public bool ForceRefresh { get; init; }

    /// <summary>Where the login's loopback listener binds, <c>host:port</c>; port 0 picks a free one.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1:0";

    /// <summary>The host written into the redirect URI, or null for the listener's own address.</summary>
    public string? RedirectHostname { get; init; }

    /// <summary>How long a browser login may take before kubekey gives up.</summary>
    public TimeSpan LoginTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Print the login URL only, without starting a browser.</summary>
    public bool SkipOpenBrowser { get; init; }

    /// <summary>PEM files of CAs trusted for the provider, on top of the system's roots.</summary>
    public IReadOnlyList<string> CertificateAuthorities { get; init; } = [];

    /// <summary>Base64-encoded PEM of CAs trusted for the provider, on top of the system's roots.</summary>
    public IReadOnlyList<string> CertificateAuthorityData { get; init; } = [];

    public required string LogLevel { get; init; }

    public string? LogFile { get; init; }

    /// <summary>The config files that were read, in the order applied.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    /// <summary>Per-plugin settings from the config's "plugins" section, by plugin name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> PluginSettings { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Every scope a login asks for: the defaults, then the extra ones, without repeats.</summary>
    public IReadOnlyList<string> Scopes => [.. DefaultScopes.Concat(ExtraScopes).Distinct(StringComparer.Ordinal)];
}
