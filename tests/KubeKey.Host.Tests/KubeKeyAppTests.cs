using System.Globalization;
using System.Text.Json;
using KubeKey.Core.Exec;

namespace KubeKey.Host.Tests;

public sealed class KubeKeyAppTests : IDisposable
{
    private static readonly string[] Identity =
        ["get-token", "--oidc-issuer-url", HostHarness.Issuer, "--oidc-client-id", HostHarness.ClientId];

    private readonly HostHarness _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(ExecInfo.V1)]
    [InlineData(ExecInfo.V1Beta1)]
    public async Task RunAsync_ValidCachedToken_WritesOneCredentialInTheAskedVersion(string apiVersion)
    {
        var expiresAt = DateTimeOffset.UtcNow.AddMinutes(50);
        await _host.StoreAsync(HostHarness.Entry(expiresAt));
        _host.Environment[ExecInfo.EnvironmentVariable] = ExecInfoJson(apiVersion);

        var exitCode = await _host.RunAsync(Identity);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, _host.Stderr);
        using var credential = JsonDocument.Parse(_host.Stdout);
        Assert.Equal(apiVersion, credential.RootElement.GetProperty("apiVersion").GetString());
        Assert.Equal("ExecCredential", credential.RootElement.GetProperty("kind").GetString());
        var status = credential.RootElement.GetProperty("status");
        Assert.Equal(HostHarness.Entry(expiresAt).IdToken, status.GetProperty("token").GetString());
        var reported = DateTimeOffset.Parse(status.GetProperty("expirationTimestamp").GetString()!);
        Assert.Equal(expiresAt.AddMinutes(-5).ToUnixTimeSeconds(), reported.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task RunAsync_NoArgumentsWithTheOriginalsVariables_ActsAsGetToken()
    {
        await _host.StoreAsync(HostHarness.Entry(DateTimeOffset.UtcNow.AddHours(1)));
        _host.Environment[ExecInfo.EnvironmentVariable] = ExecInfoJson(ExecInfo.V1Beta1);
        _host.Environment["IDP_ISSUER_URL"] = HostHarness.Issuer;
        _host.Environment["CLIENT_ID"] = HostHarness.ClientId;
        _host.Environment["CLIENT_SECRET"] = string.Empty;

        var exitCode = await _host.RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains(ExecInfo.V1Beta1, _host.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TokenInsideTheMarginProviderUnreachable_ServesTheCachedTokenWithAWarning()
    {
        var entry = HostHarness.Entry(DateTimeOffset.UtcNow.AddMinutes(2));
        await _host.StoreAsync(entry);

        var exitCode = await _host.RunAsync(Identity);

        Assert.Equal(0, exitCode);
        using var credential = JsonDocument.Parse(_host.Stdout);
        var status = credential.RootElement.GetProperty("status");
        Assert.Equal(entry.IdToken, status.GetProperty("token").GetString());
        var reported = DateTimeOffset.Parse(
            status.GetProperty("expirationTimestamp").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(entry.ExpiresAt.AddSeconds(-30).ToUnixTimeSeconds(), reported.ToUnixTimeSeconds());
        var line = Assert.Single(Lines(_host.Stderr));
        Assert.StartsWith("kubekey: warning: The token for https://issuer.example could not be renewed", line, StringComparison.Ordinal);
        Assert.Contains("Using the cached token, valid until", line, StringComparison.Ordinal);
        Assert.Equal(entry.IdToken, (await _host.ReadAsync())?.IdToken);
    }

    [Fact]
    public async Task RunAsync_TokenInsideTheMarginForceRefreshProviderUnreachable_FailsOnOneLineAndKeepsIt()
    {
        var entry = HostHarness.Entry(DateTimeOffset.UtcNow.AddMinutes(2));
        await _host.StoreAsync(entry);

        var exitCode = await _host.RunAsync([.. Identity, "--force-refresh"]);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, _host.Stdout);
        var line = Assert.Single(Lines(_host.Stderr));
        Assert.StartsWith("kubekey: error: The provider https://issuer.example could not be reached", line, StringComparison.Ordinal);
        Assert.Equal(entry.IdToken, (await _host.ReadAsync())?.IdToken);
    }

    [Fact]
    public async Task RunAsync_HelpWithoutAVerb_ListsTheVerbsOnStderr()
    {
        var exitCode = await _host.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, _host.Stdout);
        foreach (var verb in new[] { "get-token", "version", "templates", "doctor" })
        {
            Assert.Contains($"  {verb} ", _host.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_HelpOfGetToken_ListsItsFlagsOnStderr()
    {
        var exitCode = await _host.RunAsync("get-token", "--help");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, _host.Stdout);
        Assert.Contains("--oidc-issuer-url", _host.Stderr, StringComparison.Ordinal);
        Assert.Contains("--authentication-timeout-sec", _host.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ProfileGiven_UsesItsOwnCacheEntry()
    {
        await _host.StoreAsync(HostHarness.Entry(DateTimeOffset.UtcNow.AddHours(1)), "--profile", "admin");

        var withoutProfile = await _host.RunAsync(Identity);
        var withProfile = await _host.RunAsync([.. Identity, "--profile", "admin"]);

        Assert.Equal(1, withoutProfile);
        Assert.Equal(0, withProfile);
    }

    [Fact]
    public async Task RunAsync_MalformedConfigFile_NamesTheFileAndLine()
    {
        var config = _host.Combine("home", "config", "kubekey", "config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        await File.WriteAllTextAsync(config, "{\n  \"clientId\": \"kubectl\",\n  \"cache\" \"file\"\n}\n");

        var exitCode = await _host.RunAsync(Identity);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(_host.Stderr));
        Assert.Contains($"'{config}'", line, StringComparison.Ordinal);
        Assert.Contains("line 3", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownCachePlugin_ListsWhatIsAvailable()
    {
        var exitCode = await _host.RunAsync([.. Identity, "--cache", "vault"]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(_host.Stderr));
        Assert.Contains("No token cache plugin named 'vault'", line, StringComparison.Ordinal);
        Assert.Contains("Available on Linux: file.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PluginFolderWithoutAssembly_SaysWhatIsMissing()
    {
        var extra = _host.Combine("enterprise");
        Directory.CreateDirectory(Path.Combine(extra, "Acme.Cache.Vault"));

        var exitCode = await _host.RunAsync([.. Identity, "--plugin-dir", extra, "--cache", "Acme.Cache.Vault"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("holds no Acme.Cache.Vault.dll", Assert.Single(Lines(_host.Stderr)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_IncompatiblePlugin_IsRefusedNamingIt()
    {
        var extra = _host.Combine("enterprise");
        Testing.RepositoryLayout.InstallPlugin(
            "tests/Fixtures/Fixture.Cache.Incompatible", "Fixture.Cache.Incompatible", extra);

        var exitCode = await _host.RunAsync(
            [.. Identity, "--plugin-dir", extra, "--cache", "Fixture.Cache.Incompatible"]);

        Assert.Equal(2, exitCode);
        Assert.Contains(
            "built against kubekey plugin contract 2.0",
            Assert.Single(Lines(_host.Stderr)),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "is not a valid ExecCredential")]
    [InlineData("{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1alpha1\"}", "v1alpha1")]
    public async Task RunAsync_BadExecInfo_FailsWithBadInputExitCode(string execInfo, string expected)
    {
        _host.Environment[ExecInfo.EnvironmentVariable] = execInfo;

        var exitCode = await _host.RunAsync(Identity);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, _host.Stdout);
        Assert.Contains(expected, Assert.Single(Lines(_host.Stderr)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "get-token", "--oidc-client-id", "kubectl" }, "No OIDC issuer is configured")]
    [InlineData(new[] { "get-token", "--oidc-issuer-url", "https://issuer.example" }, "No OIDC client id")]
    [InlineData(new[] { "get-token", "--oidc-issuer-url", "http://issuer.example", "--oidc-client-id", "k" }, "does not use https")]
    [InlineData(
        new[] { "get-token", "--oidc-issuer-url", "issuer.example", "--oidc-client-id", "k" },
        "not an absolute URL")]
    public async Task RunAsync_BadIdentity_SaysWhatToSet(string[] args, string expected)
    {
        var exitCode = await _host.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, Assert.Single(Lines(_host.Stderr)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-v")]
    [InlineData("version")]
    public async Task RunAsync_Version_PrintsOnStderrOnly(string argument)
    {
        var exitCode = await _host.RunAsync(argument);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, _host.Stdout);
        Assert.StartsWith("kubekey ", _host.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownFlag_OneLineAndBadInputExitCode()
    {
        var exitCode = await _host.RunAsync([.. Identity, "--oidc-issuer"]);

        Assert.Equal(2, exitCode);
        Assert.Equal(
            "kubekey: error: The flag '--oidc-issuer' is not known. "
            + "Run 'kubekey --help' for the verbs and flags.",
            Assert.Single(Lines(_host.Stderr)));
    }

    [Fact]
    public async Task RunAsync_TraceLevel_ShowsTheFlowButNoSecret()
    {
        var entry = HostHarness.Entry(DateTimeOffset.UtcNow.AddHours(1));
        await _host.StoreAsync(entry);

        var exitCode = await _host.RunAsync(
            [.. Identity, "--log-level", "trace", "--log-file", _host.Combine("kubekey.log")]);

        Assert.Equal(0, exitCode);
        Assert.Contains("Cached token for https://issuer.example is valid until", _host.Stderr, StringComparison.Ordinal);
        Assert.Contains("Token cache: KubeKey.Cache.File", _host.Stderr, StringComparison.Ordinal);
        var log = await File.ReadAllTextAsync(_host.Combine("kubekey.log"));
        foreach (var text in new[] { _host.Stderr, log })
        {
            Assert.DoesNotContain(entry.IdToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(entry.RefreshToken!, text, StringComparison.Ordinal);
        }
    }

    private static string ExecInfoJson(string apiVersion) =>
        $"{{\"kind\":\"ExecCredential\",\"apiVersion\":\"{apiVersion}\",\"spec\":{{\"interactive\":false}}}}";

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
