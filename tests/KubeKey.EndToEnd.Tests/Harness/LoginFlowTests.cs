using KubeKey.EndToEnd.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KubeKey.EndToEnd.Tests.Harness;

/// <summary>The provider, browser.mjs and a bare redirect target working together, without kubekey.</summary>
public sealed class LoginFlowTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Login_PublicClient_IdTokenCarriesTheAccountClaims(bool push)
    {
        await using var provider = await OidcProvider.StartAsync();
        using var client = await CodeFlowClient.CreateAsync(provider);
        using var browser = new BrowserDriver { User = "bob", Screenshot = true };

        var login = await BrowserLogin.RunAsync(client, browser, push);
        var (status, tokens) = await client.ExchangeCodeAsync(login.Callback["code"], login.Request, login.RedirectUri);

        Assert.Equal(200, status);
        Assert.Equal(login.Request.State, login.Callback["state"]);
        Assert.Equal(provider.Issuer, login.Callback["iss"]);
        var idToken = tokens.GetProperty("id_token").GetString()!;
        Assert.Empty(await IdTokenChecks.FailuresAsync(
            idToken, await client.JwksAsync(), provider.Issuer, provider.PublicClientId, login.Request.Nonce));
        var token = new JsonWebToken(idToken);
        foreach (var (claim, expected) in provider.ExpectedClaims("bob"))
        {
            Assert.Equal(expected, token.GetPayloadValue<string>(claim));
        }

        Assert.True(token.GetPayloadValue<bool>("email_verified"));
        Assert.True(tokens.TryGetProperty("refresh_token", out _));
        Assert.True(login.Page.Ok);
        Assert.Equal(200, login.Page.Status);
        Assert.Equal("1", login.Page.Headers[LoopbackRedirectTarget.MarkerHeader.ToLowerInvariant()]);
        Assert.Contains("Callback received.", login.Page.Text, StringComparison.Ordinal);
        Assert.Contains("code=***", login.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(login.Callback["code"], File.ReadAllText(browser.PageOutPath), StringComparison.Ordinal);
        Assert.True(new FileInfo(browser.ScreenshotPath).Length > 0);
    }

    [Fact]
    public async Task Login_ConfidentialClient_ExchangeNeedsTheSecret()
    {
        await using var provider = await OidcProvider.StartAsync();
        using var client = await CodeFlowClient.CreateAsync(provider, confidential: true);
        using var browser = new BrowserDriver();
        var login = await BrowserLogin.RunAsync(client, browser, push: true);

        var (withoutSecret, error) = await client.ExchangeCodeAsync(
            login.Callback["code"], login.Request, login.RedirectUri, withSecret: false);
        var (withSecret, tokens) = await client.ExchangeCodeAsync(
            login.Callback["code"], login.Request, login.RedirectUri);

        Assert.Equal(401, withoutSecret);
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
        Assert.Equal(200, withSecret);
        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString()!);
        Assert.Equal(provider.ConfidentialClientId, idToken.Audiences.Single());
    }

    [Fact]
    public async Task Login_ConsentDenied_CallbackCarriesAccessDenied()
    {
        await using var provider = await OidcProvider.StartAsync();
        using var client = await CodeFlowClient.CreateAsync(provider);
        using var browser = new BrowserDriver { DenyConsent = true };

        var login = await BrowserLogin.RunAsync(client, browser);

        Assert.Equal("access_denied", login.Callback["error"]);
        Assert.Equal("End-User aborted interaction", login.Callback["error_description"]);
        Assert.Equal(login.Request.State, login.Callback["state"]);
        Assert.False(login.Callback.ContainsKey("code"));
        Assert.Equal(200, login.Page.Status);
    }

    [Fact]
    public async Task Login_HtmlErrorDescriptionConfigured_CallbackCarriesItVerbatim()
    {
        const string Description = "Denied <script>alert(\"x\")</script> & <b>bold</b>";
        await using var provider = await OidcProvider.StartAsync(
            new OidcProviderOptions { AbortError = "access_denied", AbortErrorDescription = Description });
        using var client = await CodeFlowClient.CreateAsync(provider);
        using var browser = new BrowserDriver { DenyConsent = true };

        var login = await BrowserLogin.RunAsync(client, browser, push: true);

        Assert.Equal("access_denied", login.Callback["error"]);
        Assert.Equal(Description, login.Callback["error_description"]);
    }

    [Fact]
    public async Task Login_HtmlName_IdTokenNameHoldsHtml()
    {
        await using var provider = await OidcProvider.StartAsync(new OidcProviderOptions { HtmlName = true });
        using var client = await CodeFlowClient.CreateAsync(provider);
        using var browser = new BrowserDriver();

        var login = await BrowserLogin.RunAsync(client, browser);
        var (_, tokens) = await client.ExchangeCodeAsync(login.Callback["code"], login.Request, login.RedirectUri);

        var name = new JsonWebToken(tokens.GetProperty("id_token").GetString()!).GetPayloadValue<string>("name");
        Assert.Equal("<b>Alice</b> & \"<i>co</i>\"", name);
        Assert.Equal(provider.ExpectedClaims("alice")["name"], name);
    }
}
