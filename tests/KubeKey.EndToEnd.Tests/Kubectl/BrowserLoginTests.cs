using KubeKey.EndToEnd.Tests.Support;

namespace KubeKey.EndToEnd.Tests.Kubectl;

/// <summary>
/// The real kubectl runs the installed kubekey, which logs in at the real OIDC provider through
/// headless Chromium, and the HTTPS API server checks the bearer token against the provider's keys.
/// </summary>
public sealed class BrowserLoginTests
{
    [Fact]
    public async Task Kubectl_FirstLoginFlagsStyle_LogsInOnceThenServesFromTheCache()
    {
        await using var world = await LoginWorld.StartAsync();
        var kubeconfig = world.FlagsKubeconfig();

        var first = await world.KubectlAsync(kubeconfig);
        var page = await world.Browser.WaitForPageAsync();
        var second = await world.KubectlAsync(kubeconfig);

        Assert.True(first.ExitCode == 0, first + world.Browser.Stderr);
        Assert.Contains("kubekey-ok", first.Stdout, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Single(world.Browser.Invocations());
        Assert.Equal(2, world.Server.AcceptedTokens.Count);
        Assert.Equal(world.Server.AcceptedTokens[0], world.Server.AcceptedTokens[1]);
        Assert.True(page.Ok, page.Error);
        Assert.Equal(200, page.Status);
        Assert.Contains("You are logged in", page.Text, StringComparison.Ordinal);
        Assert.Contains("Alice Example", page.Text, StringComparison.Ordinal);
        Assert.Contains(world.Server.Url.ToString().TrimEnd('/'), page.Text, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers["cache-control"]);
        Assert.Equal("no-referrer", page.Headers["referrer-policy"]);
        Assert.StartsWith("default-src 'none'", page.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain(page.BlockedRequests, r => r.From.Contains("/callback", StringComparison.Ordinal));
        Assert.Contains("If no browser opened, visit: http://127.0.0.1:", first.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_ThreeRunsAtOnceWithAnEmptyCache_OneBrowserLoginServesThemAll()
    {
        await using var world = await LoginWorld.StartAsync();
        var kubeconfig = world.FlagsKubeconfig();

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => world.KubectlAsync(kubeconfig)));

        foreach (var result in results)
        {
            Assert.True(result.ExitCode == 0, result + world.Browser.Stderr);
        }

        Assert.Single(world.Browser.Invocations());
        Assert.Equal(3, world.Server.AcceptedTokens.Count);
        Assert.Single(world.Server.AcceptedTokens.Distinct());
    }

    [Fact]
    public async Task Kubectl_OriginalStyleConfidentialClientV1Beta1_LogsIn()
    {
        await using var world = await LoginWorld.StartAsync(audience: "kubekey-confidential");
        var kubeconfig = world.OriginalKubeconfig(
            world.Provider.ConfidentialClientId, world.Provider.ConfidentialClientSecret);

        var result = await world.KubectlAsync(kubeconfig);

        Assert.True(result.ExitCode == 0, result + world.Browser.Stderr);
        Assert.Single(world.Server.AcceptedTokens);
        Assert.DoesNotContain(world.Provider.ConfidentialClientSecret, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_ShortLivedIdToken_RefreshedWithoutTheBrowserAndTheRotatedTokenKept()
    {
        await using var world = await LoginWorld.StartAsync(
            new OidcProviderOptions { IdTokenLifetime = TimeSpan.FromSeconds(10) });
        var kubeconfig = world.FlagsKubeconfig();
        var first = await world.KubectlAsync(kubeconfig);
        var loggedIn = await ReadCachedAsync(world);

        // A 10 s token is renewed 2 s before it expires (a fifth of its life): wait past that.
        await Task.Delay(TimeSpan.FromSeconds(9));
        var second = await world.KubectlAsync(kubeconfig);
        var refreshed = await ReadCachedAsync(world);

        // The provider retires a refresh token once used and revokes the grant when it sees it
        // again: this refresh works only if the rotated one was stored.
        var third = await world.KubeKeyAsync(world.FlagArgs("--force-refresh"));

        Assert.True(first.ExitCode == 0, first + world.Browser.Stderr);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Single(world.Browser.Invocations());
        Assert.Equal(2, world.Server.AcceptedTokens.Count);
        Assert.NotEqual(world.Server.AcceptedTokens[0], world.Server.AcceptedTokens[1]);
        Assert.NotNull(loggedIn?.RefreshToken);
        Assert.NotNull(refreshed?.RefreshToken);
        Assert.NotEqual(loggedIn.RefreshToken, refreshed.RefreshToken);
    }

    [Fact]
    public async Task GetToken_RefreshAnswerWithoutIdToken_LogsInThroughTheBrowserWithANotice()
    {
        await using var world = await LoginWorld.StartAsync(new OidcProviderOptions { RefreshOmitsIdToken = true });
        var first = await world.KubeKeyAsync(world.FlagArgs());
        await world.Browser.WaitForPageAsync();
        File.Delete(world.Browser.PageOutPath);

        var second = await world.KubeKeyAsync(world.FlagArgs("--force-refresh"));

        Assert.True(first.ExitCode == 0, first + world.Browser.Stderr);
        Assert.True(second.ExitCode == 0, second + world.Browser.Stderr);
        Assert.Contains(
            "without a new ID token; logging in through the browser",
            second.Stderr,
            StringComparison.Ordinal);
        Assert.Equal(2, world.Browser.Invocations().Count);
    }

    [Fact]
    public async Task Kubectl_ConsentDenied_FailsFastWithTheProvidersError()
    {
        await using var world = await LoginWorld.StartAsync(browser: new BrowserDriver { DenyConsent = true });
        var started = DateTime.UtcNow;

        var result = await world.KubectlAsync(world.FlagsKubeconfig());
        var page = await world.Browser.WaitForPageAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60), "kubekey waited for its timeout");
        Assert.Contains("kubekey: error: The provider", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("access_denied", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("access_denied", page.Text, StringComparison.Ordinal);
        Assert.Contains("End-User aborted interaction", page.Text, StringComparison.Ordinal);
        Assert.Empty(world.Server.AcceptedTokens);
    }

    [Fact]
    public async Task GetToken_ProviderErrorHoldsHtml_PageShowsItEscaped()
    {
        await using var world = await LoginWorld.StartAsync(
            new OidcProviderOptions
            {
                AbortError = "access_denied",
                AbortErrorDescription = "Denied <script>alert(\"x\")</script> & <b>bold</b>",
            },
            new BrowserDriver { DenyConsent = true });

        var result = await world.KubeKeyAsync(world.FlagArgs());
        var page = await world.Browser.WaitForPageAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Denied <script>alert(\"x\")</script> & <b>bold</b>", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetToken_NobodyLogsIn_TimesOutWithAClearError()
    {
        await using var world = await LoginWorld.StartAsync(browser: new BrowserDriver { RecordOnly = true });
        var started = DateTime.UtcNow;

        var result = await world.KubeKeyAsync(world.FlagArgs("--authentication-timeout-sec=3"));

        Assert.Equal(1, result.ExitCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
        Assert.Contains("waiting up to 3 s for the login to finish", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("arrived within 3 s", result.Stderr, StringComparison.Ordinal);
        Assert.Single(world.Browser.Invocations());
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task GetToken_ProviderUnreachable_FailsWithAClearErrorAndNoBrowser()
    {
        await using var world = await LoginWorld.StartAsync();
        var closedPort = FreePort();
        var args = world.FlagArgs().Select(a => a.StartsWith("--oidc-issuer-url=", StringComparison.Ordinal)
            ? $"--oidc-issuer-url=http://127.0.0.1:{closedPort}"
            : a);

        var result = await world.KubeKeyAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"The provider http://127.0.0.1:{closedPort} could not be reached", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(world.Browser.Invocations());
    }

    [Fact]
    public async Task GetToken_ProviderAcceptsButNeverAnswers_SaysWhatItWaitsForThenGivesUp()
    {
        await using var world = await LoginWorld.StartAsync();
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start(backlog: 16);
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var args = world.FlagArgs().Select(a => a.StartsWith("--oidc-issuer-url=", StringComparison.Ordinal)
            ? $"--oidc-issuer-url=http://127.0.0.1:{port}"
            : a);

        var result = await world.KubeKeyAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            $"kubekey: waiting for http://127.0.0.1:{port} to answer (giving up after 30 s)",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.Contains($"The provider http://127.0.0.1:{port} could not be reached", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(world.Browser.Invocations());
    }

    [Fact]
    public async Task GetToken_FixedListenPortInUse_FailsWithAClearError()
    {
        await using var world = await LoginWorld.StartAsync();
        using var occupant = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((System.Net.IPEndPoint)occupant.LocalEndpoint).Port;

        var result = await world.KubeKeyAsync(world.FlagArgs($"--listen-address=127.0.0.1:{port}"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            $"cannot bind 127.0.0.1:{port}: the address is in use",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.Empty(world.Browser.Invocations());
    }

    [Fact]
    public async Task GetToken_LoginFailsAfterAWorkingLogin_KeepsTheCachedToken()
    {
        await using var world = await LoginWorld.StartAsync(new OidcProviderOptions { RefreshOmitsIdToken = true });
        var first = await world.KubeKeyAsync(world.FlagArgs());
        var cached = await ReadCachedAsync(world);
        var record = new Dictionary<string, string> { ["KUBEKEY_TEST_BROWSER_RECORD_ONLY"] = "1" };

        var failed = await world.KubeKeyAsync(
            world.FlagArgs("--force-refresh", "--authentication-timeout-sec=3"), record);
        var after = await ReadCachedAsync(world);
        var served = await world.KubectlAsync(world.FlagsKubeconfig(), record);

        Assert.True(first.ExitCode == 0, first + world.Browser.Stderr);
        Assert.Equal(1, failed.ExitCode);
        Assert.NotNull(cached);
        Assert.Equal(cached.IdToken, after?.IdToken);
        Assert.True(served.ExitCode == 0, served.ToString());
        Assert.Equal(cached.IdToken, Assert.Single(world.Server.AcceptedTokens));
    }

    internal static Task<Abstractions.TokenCacheEntry?> ReadCachedAsync(LoginWorld world, string? clientId = null) =>
        world.KubeKey.ReadAsync(
            world.Provider.Issuer, clientId ?? world.Provider.PublicClientId, ["offline_access"], ["prompt=consent"]);

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
