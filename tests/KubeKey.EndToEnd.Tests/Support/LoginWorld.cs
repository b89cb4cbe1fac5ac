using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using KubeKey.Core.Exec;
using Microsoft.IdentityModel.Tokens;

namespace KubeKey.EndToEnd.Tests.Support;

/// <summary>
/// Everything a browser login needs, started for one test: the real OIDC provider, an HTTPS API
/// server that trusts it, the installed kubekey with a private home, and headless Chromium as the
/// browser kubekey opens. Disposing stops all of it.
/// </summary>
internal sealed class LoginWorld : IAsyncDisposable
{
    /// <summary>How long one kubectl or kubekey run may take before the test fails.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private LoginWorld(OidcProvider provider, ApiServer server, InstalledKubeKey kubekey, BrowserDriver browser)
    {
        Provider = provider;
        Server = server;
        KubeKey = kubekey;
        Browser = browser;
    }

    public OidcProvider Provider { get; }

    public ApiServer Server { get; }

    public InstalledKubeKey KubeKey { get; }

    public BrowserDriver Browser { get; }

    /// <summary>Starts the provider with <paramref name="options"/> and the rest around it.</summary>
    public static async Task<LoginWorld> StartAsync(
        OidcProviderOptions? options = null, BrowserDriver? browser = null, string? audience = null)
    {
        var provider = await OidcProvider.StartAsync(options);
        var http = HttpFor(provider);
        var jwksUri = await JwksUriAsync(http, provider);
        var server = await ApiServer.StartAsync(
            provider.Issuer,
            audience ?? provider.PublicClientId,
            async token => new JsonWebKeySet(await http.GetStringAsync(jwksUri, token)).GetSigningKeys());
        return new LoginWorld(provider, server, new InstalledKubeKey(), browser ?? new BrowserDriver());
    }

    /// <summary>get-token's flags for the public client, as kubelogin users write them.</summary>
    public List<string> FlagArgs(params string[] extra) =>
    [
        "get-token",
        $"--oidc-issuer-url={Provider.Issuer}",
        $"--oidc-client-id={Provider.PublicClientId}",
        "--oidc-extra-scope=offline_access",
        "--oidc-auth-request-extra-params=prompt=consent",
        "--authentication-timeout-sec=90",
        .. extra,
    ];

    /// <summary>
    /// A kubeconfig whose user runs kubekey with <see cref="FlagArgs"/> and
    /// <paramref name="extra"/>, exec v1.
    /// </summary>
    public string FlagsKubeconfig(params string[] extra) =>
        Kubeconfig.Write(
            KubeKey.Combine($"kubeconfig.{Guid.NewGuid():N}"), Server, KubeKey.Command, ExecInfo.V1, FlagArgs(extra),
            new Dictionary<string, string>());

    /// <summary>The original kubekey's kubeconfig: no arguments, exec.env only, v1beta1.</summary>
    public string OriginalKubeconfig(string clientId, string clientSecret) =>
        Kubeconfig.Write(
            KubeKey.Combine($"kubeconfig.{Guid.NewGuid():N}"), Server, KubeKey.Command, ExecInfo.V1Beta1, [],
            new Dictionary<string, string>
            {
                ["IDP_ISSUER_URL"] = Provider.Issuer,
                ["CLIENT_ID"] = clientId,
                ["CLIENT_SECRET"] = clientSecret,
                ["KUBEKEY_EXTRA_SCOPES"] = "offline_access",
                ["KUBEKEY_AUTH_PARAMS"] = "prompt=consent",
            });

    /// <summary>Runs the real kubectl against the API server with the browser wired in.</summary>
    public Task<ProcessResult> KubectlAsync(
        string kubeconfig,
        IReadOnlyDictionary<string, string>? extraEnvironment = null) =>
        Kubectl.RunAsync(kubeconfig, Environment(extraEnvironment), Deadline, "get", "--raw", "/api/kubekey-check");

    /// <summary>Runs the installed kubekey the way kubectl would, with v1 exec info.</summary>
    public Task<ProcessResult> KubeKeyAsync(
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var start = new ProcessStartInfo(KubeKey.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in Environment(extraEnvironment))
        {
            start.Environment[name] = value;
        }

        start.Environment[ExecInfo.EnvironmentVariable] =
            "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
            + "\"spec\":{\"interactive\":false}}";
        return ProcessResult.RunAsync(start, Deadline);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Provider.DisposeAsync();
        Browser.Dispose();
        KubeKey.Dispose();
    }

    private Dictionary<string, string> Environment(IReadOnlyDictionary<string, string>? extra)
    {
        var environment = new Dictionary<string, string>(KubeKey.Environment, StringComparer.Ordinal);
        foreach (var (name, value) in Browser.Environment)
        {
            environment[name] = value;
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return environment;
    }

    // The API server stand-in fetches the provider's keys as kube-apiserver would: trusting the
    // provider's private CA when it has one.
    private static HttpClient HttpFor(OidcProvider provider)
    {
        var handler = new SocketsHttpHandler();
        if (provider.CaFile is { } caFile)
        {
            var ca = X509Certificate2.CreateFromPem(File.ReadAllText(caFile));
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(new X509Certificate2(certificate));
            };
        }

        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }

    private static async Task<Uri> JwksUriAsync(HttpClient http, OidcProvider provider)
    {
        var discovery = await http.GetFromJsonAsync<JsonElement>(provider.DiscoveryUrl);
        return new Uri(discovery.GetProperty("jwks_uri").GetString()!);
    }
}
