using KubeKey.Abstractions;
using KubeKey.Core.Exec;
using KubeKey.EndToEnd.Tests.Support;
using Microsoft.IdentityModel.Tokens;

namespace KubeKey.EndToEnd.Tests.Kubectl;

/// <summary>
/// The real kubectl runs the installed kubekey from a kubeconfig and calls an HTTPS endpoint that
/// checks the bearer token, with the token put in the cache beforehand.
/// </summary>
public sealed class CachedTokenTests : IAsyncLifetime
{
    private const string Issuer = "https://issuer.kubekey.test";
    private const string ClientId = "kubernetes";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly InstalledKubeKey _kubekey = new();
    private readonly TestIssuer _issuer = new(Issuer, ClientId);
    private ApiServer _server = null!;

    private static readonly string[] FlagsStyle =
        ["get-token", "--oidc-issuer-url", Issuer, "--oidc-client-id", ClientId];

    public async Task InitializeAsync() =>
        _server = await ApiServer.StartAsync(
            Issuer, ClientId, _ => Task.FromResult<IEnumerable<SecurityKey>>([_issuer.Key]));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _issuer.Dispose();
        _kubekey.Dispose();
    }

    [Fact]
    public async Task Kubectl_FlagsStyleV1_SendsTheCachedToken()
    {
        var token = await StoreTokenAsync(DateTimeOffset.UtcNow.AddHours(1));
        var kubeconfig = Kubeconfig.Write(
            _kubekey.Combine("kubeconfig-v1"), _server, _kubekey.Command, ExecInfo.V1,
            FlagsStyle,
            new Dictionary<string, string>());

        var result = await RunKubectlAsync(kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("kubekey-ok", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(token, Assert.Single(_server.AcceptedTokens));
    }

    [Fact]
    public async Task Kubectl_CacheHit_LoadsNoLoginCode()
    {
        await StoreTokenAsync(DateTimeOffset.UtcNow.AddHours(1));
        var kubeconfig = Kubeconfig.Write(
            _kubekey.Combine("kubeconfig-trace"), _server, _kubekey.Command, ExecInfo.V1,
            [.. FlagsStyle, "--log-level=trace"],
            new Dictionary<string, string>());

        var result = await RunKubectlAsync(kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        var loaded = result.Stderr.Split('\n').Single(l => l.Contains("Assemblies loaded: ", StringComparison.Ordinal));
        Assert.Contains("KubeKey.Cache.File", loaded, StringComparison.Ordinal);
        Assert.DoesNotContain("Duende", loaded, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.IdentityModel", loaded, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Net.Http", loaded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_OriginalKubeKeyStyleV1Beta1_SendsTheCachedToken()
    {
        var token = await StoreTokenAsync(DateTimeOffset.UtcNow.AddHours(1));
        var kubeconfig = Kubeconfig.Write(
            _kubekey.Combine("kubeconfig-v1beta1"), _server, _kubekey.Command, ExecInfo.V1Beta1, [],
            new Dictionary<string, string>
            {
                ["CLIENT_ID"] = ClientId,
                ["CLIENT_SECRET"] = string.Empty,
                ["IDP_ISSUER_URL"] = Issuer,
            });

        var result = await RunKubectlAsync(kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(token, Assert.Single(_server.AcceptedTokens));
    }

    [Fact]
    public async Task Kubectl_ExpiredCachedTokenProviderUnreachable_FailsWithKubeKeysMessage()
    {
        var token = await StoreTokenAsync(DateTimeOffset.UtcNow.AddSeconds(-30));
        var kubeconfig = Kubeconfig.Write(
            _kubekey.Combine("kubeconfig-expired"), _server, _kubekey.Command, ExecInfo.V1,
            FlagsStyle,
            new Dictionary<string, string>());

        var result = await RunKubectlAsync(kubeconfig);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(
            "kubekey: error: The provider https://issuer.kubekey.test could not be reached",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.Empty(_server.AcceptedTokens);
        Assert.DoesNotContain(token, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_TokenInsideItsMarginProviderUnreachable_StillSendsTheCachedToken()
    {
        var expiresAt = DateTimeOffset.UtcNow.AddMinutes(2);
        var token = _issuer.IdToken(expiresAt);
        await _kubekey.StoreAsync(Issuer, ClientId, new TokenCacheEntry(
            token, "refresh-token-of-a-provider-that-is-down", expiresAt,
            Issuer, ClientId, "alice", expiresAt.AddHours(-1)));
        var kubeconfig = Kubeconfig.Write(
            _kubekey.Combine("kubeconfig-margin"), _server, _kubekey.Command, ExecInfo.V1, FlagsStyle,
            new Dictionary<string, string>());

        var result = await RunKubectlAsync(kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(token, Assert.Single(_server.AcceptedTokens));
        Assert.Contains("could not be renewed", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-token-of-a-provider-that-is-down", result.Stderr, StringComparison.Ordinal);
    }

    private Task<ProcessResult> RunKubectlAsync(string kubeconfig) =>
        Support.Kubectl.RunAsync(kubeconfig, _kubekey.Environment, Deadline, "get", "--raw", "/api/kubekey-check");

    private async Task<string> StoreTokenAsync(DateTimeOffset expiresAt)
    {
        var token = _issuer.IdToken(expiresAt);
        await _kubekey.StoreAsync(Issuer, ClientId, new TokenCacheEntry(
            token, refreshToken: null, expiresAt, Issuer, ClientId, "alice", expiresAt.AddHours(-1)));
        return token;
    }
}
