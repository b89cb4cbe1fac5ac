using KubeKey.EndToEnd.Tests.Support;

namespace KubeKey.EndToEnd.Tests.Harness;

/// <summary>
/// One login through the real provider and browser.mjs, received by a <see cref="LoopbackRedirectTarget"/>.
/// </summary>
/// <param name="Request">The one-time values sent.</param>
/// <param name="RedirectUri">The redirect URI used.</param>
/// <param name="Callback">The callback's query parameters.</param>
/// <param name="Page">What browser.mjs reported about the final page.</param>
internal sealed record BrowserLogin(
    AuthorizationRequest Request,
    string RedirectUri,
    IReadOnlyDictionary<string, string> Callback,
    BrowserPage Page)
{
    private static readonly TimeSpan CallbackTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Opens the authorization URL with browser.mjs, as kubekey would, and waits for both ends.</summary>
    public static async Task<BrowserLogin> RunAsync(CodeFlowClient client, BrowserDriver browser, bool push = false)
    {
        using var target = LoopbackRedirectTarget.Start();
        var request = AuthorizationRequest.Create();
        var url = await client.AuthorizationUrlAsync(request, target.RedirectUri, push);

        await browser.OpenAsync(url);
        var callback = await target.WaitForCallbackAsync(CallbackTimeout);
        var page = await browser.WaitForPageAsync();

        return new BrowserLogin(request, target.RedirectUri, callback, page);
    }
}
