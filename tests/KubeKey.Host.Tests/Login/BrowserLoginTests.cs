using System.Net;
using KubeKey.Abstractions;
using KubeKey.Core.Settings;
using KubeKey.Host.Login;
using Moq;
using Serilog;

namespace KubeKey.Host.Tests.Login;

/// <summary>
/// The browser login against a fake provider and a "browser" that is an HTTP client driving the
/// real loopback listener, so each path and refusal can be seen on its own.
/// </summary>
public sealed class BrowserLoginTests : IDisposable
{
    private static readonly ILogger Log = new LoggerConfiguration().CreateLogger();
    private readonly FakeOidcProvider _provider = new();
    private readonly StringWriter _stderr = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    public void Dispose()
    {
        _http.Dispose();
        _stderr.Dispose();
    }

    [Fact]
    public async Task RunAsync_BrowserFollowsTheFlow_RedirectsThenRedeemsTheRawCallbackOnce()
    {
        var pages = new List<(string Path, HttpStatusCode Status, string? Location)>();
        var browser = Browser(async start =>
        {
            foreach (var path in new[] { "/", "/favicon.ico", "/elsewhere" })
            {
                using var response = await _http.GetAsync(new Uri(start, path));
                pages.Add((path, response.StatusCode, response.Headers.Location?.AbsoluteUri));
            }

            await _http.GetAsync(new Uri(start, $"/callback?code=c%2B1&state={FakeOidcProvider.State}"));
            using var again = await _http.GetAsync(
                new Uri(start, $"/callback?code=c2&state={FakeOidcProvider.State}"));
            pages.Add(("/callback again", again.StatusCode, null));
        });

        var tokens = await Login(browser.Object).RunAsync(CancellationToken.None);

        Assert.Equal("id-token", tokens.IdToken);
        Assert.Equal(
            (HttpStatusCode.Found, FakeOidcProvider.AuthorizeUrl.AbsoluteUri), (pages[0].Status, pages[0].Location));
        Assert.Equal(HttpStatusCode.NoContent, pages[1].Status);
        Assert.Equal(HttpStatusCode.NotFound, pages[2].Status);
        Assert.Equal($"/callback?code=c%2B1&state={FakeOidcProvider.State}", Assert.Single(_provider.Redeemed));
        Assert.Equal(
            $"http://127.0.0.1:{_provider.RedirectUri!.Port}/callback", _provider.RedirectUri.AbsoluteUri);
        browser.Verify(b => b.OpenAsync(It.IsAny<Uri>(), It.IsAny<CancellationToken>()), Times.Once());
        await AssertClosedAsync(_provider.RedirectUri.Port);
    }

    [Fact]
    public async Task RunAsync_CallbackWithAnotherState_RefusedWithoutRedeeming()
    {
        var browser = Browser(start => _http.GetAsync(new Uri(start, "/callback?code=c1&state=forged")));

        var error = await Assert.ThrowsAsync<LoginException>(
            () => Login(browser.Object).RunAsync(CancellationToken.None));

        Assert.Contains("carried a state kubekey did not send", error.Message, StringComparison.Ordinal);
        Assert.Empty(_provider.Redeemed);
    }

    [Fact]
    public async Task RunAsync_ProviderAnswersWithAnError_PageAndErrorCarryIt()
    {
        var status = HttpStatusCode.OK;
        var body = "";
        var browser = Browser(async start =>
        {
            var query = "error=access_denied&error_description=No%20%3Cb%3Ethanks%3C%2Fb%3E"
                + $"&state={FakeOidcProvider.State}";
            using var response = await _http.GetAsync(new Uri(start, "/callback?" + query));
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
        });

        var error = await Assert.ThrowsAsync<LoginException>(
            () => Login(browser.Object).RunAsync(CancellationToken.None));

        Assert.Contains("refused the login: access_denied (No <b>thanks</b>)", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("No &lt;b&gt;thanks&lt;/b&gt;", body, StringComparison.Ordinal);
        Assert.Empty(_provider.Redeemed);
    }

    [Fact]
    public async Task RunAsync_CallbackFromAnotherIssuer_RefusedWithoutRedeeming()
    {
        var browser = Browser(start => _http.GetAsync(new Uri(
            start, $"/callback?code=c1&state={FakeOidcProvider.State}&iss=https%3A%2F%2Fevil.example")));

        var error = await Assert.ThrowsAsync<LoginException>(
            () => Login(browser.Object).RunAsync(CancellationToken.None));

        Assert.Contains("came from issuer 'https://evil.example'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_provider.Redeemed);
        await AssertClosedAsync(_provider.RedirectUri!.Port);
    }

    [Fact]
    public async Task RunAsync_SkipOpenBrowser_NeverStartsOneAndTimesOut()
    {
        var browser = new Mock<IBrowserLauncher>();

        var error = await Assert.ThrowsAsync<LoginException>(
            () => Login(browser.Object, skipOpenBrowser: true, timeout: TimeSpan.FromMilliseconds(300))
                .RunAsync(CancellationToken.None));

        Assert.Contains("arrived within 0 s", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            "to log in at https://issuer.example, open http://127.0.0.1:",
            _stderr.ToString(),
            StringComparison.Ordinal);
        browser.Verify(b => b.OpenAsync(It.IsAny<Uri>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    // RFC 8252 §8.3: the listener exists only for the login.
    private static async Task AssertClosedAsync(int port)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(
            () => client.ConnectAsync(IPAddress.Loopback, port));
    }

    private Mock<IBrowserLauncher> Browser(Func<Uri, Task> visit)
    {
        var browser = new Mock<IBrowserLauncher>();
        browser.Setup(b => b.OpenAsync(It.IsAny<Uri>(), It.IsAny<CancellationToken>()))
            .Returns((Uri url, CancellationToken token) =>
            {
                // A real browser runs apart from kubekey: the visit goes on after OpenAsync returns.
                _ = Task.Run(() => visit(url));
                return ValueTask.FromResult(true);
            });
        return browser;
    }

    private BrowserLogin Login(IBrowserLauncher browser, bool skipOpenBrowser = false, TimeSpan? timeout = null)
    {
        var settings = new KubeKeySettings
        {
            IssuerUrl = _provider.Issuer,
            ClientId = "kubectl",
            CacheDirectory = "/nonexistent",
            DataDirectory = "/nonexistent",
            Browser = "test",
            Templates = "test",
            LogLevel = "warning",
            LoginTimeout = timeout ?? TimeSpan.FromSeconds(20),
            SkipOpenBrowser = skipOpenBrowser,
        };
        var pages = new LoginPages(() => null, _provider.Issuer, null, Log);
        return new BrowserLogin(settings, _provider, () => browser, pages, _stderr, Log);
    }
}
