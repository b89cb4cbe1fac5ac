using System.Net;
using System.Net.Sockets;
using KubeKey.EndToEnd.Tests.Support;

namespace KubeKey.EndToEnd.Tests.Harness;

public sealed class BrowserDriverTests
{
    [Fact]
    public async Task OpenAsync_RecordOnly_LogsMaskedUrlAndStartsNoBrowser()
    {
        using var browser = new BrowserDriver { RecordOnly = true };

        await browser.OpenAsync("http://127.0.0.1:9/auth?client_id=kubekey&state=secret-state&code=secret-code");

        var entry = Assert.Single(browser.Invocations());
        Assert.EndsWith(
            "http://127.0.0.1:9/auth?client_id=kubekey&state=***&code=***", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", entry, StringComparison.Ordinal);
        // The background browser opens this file first thing; record-only never gets that far.
        Assert.False(File.Exists(browser.StderrPath));
        Assert.False(File.Exists(browser.PageOutPath));
    }

    [Fact]
    public void Invocations_NeverOpened_IsEmpty()
    {
        using var browser = new BrowserDriver();

        var invocations = browser.Invocations();

        Assert.Empty(invocations);
    }

    [Fact]
    public async Task OpenAsync_NothingListens_ReportsTheFailureWithSecretsMasked()
    {
        using var browser = new BrowserDriver();
        var url = $"http://127.0.0.1:{ClosedPort()}/callback?code=secret-code&state=secret-state";

        await browser.OpenAsync(url);
        var page = await browser.WaitForPageAsync();

        Assert.False(page.Ok);
        Assert.Contains("ERR_CONNECTION_REFUSED", page.Error, StringComparison.Ordinal);
        Assert.Single(browser.Invocations());
        Assert.DoesNotContain("secret", File.ReadAllText(browser.PageOutPath), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", browser.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_ZeroTimeout_FailsNamingTheVariable()
    {
        using var browser = new BrowserDriver { Timeout = TimeSpan.Zero };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => browser.OpenAsync("http://127.0.0.1:9/"));

        Assert.Contains("KUBEKEY_TEST_BROWSER_TIMEOUT=\"0\" is not a positive number", error.Message,
            StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
