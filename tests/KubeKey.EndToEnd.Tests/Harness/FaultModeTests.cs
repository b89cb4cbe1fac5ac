using KubeKey.EndToEnd.Tests.Support;

namespace KubeKey.EndToEnd.Tests.Harness;

/// <summary>Each fault the provider can be asked for breaks exactly the rule it names, and nothing else.</summary>
public sealed class FaultModeTests
{
    [Theory]
    [InlineData(nameof(IdTokenFault.WrongIssuer), "iss")]
    [InlineData(nameof(IdTokenFault.WrongAudience), "aud")]
    [InlineData(nameof(IdTokenFault.ExtraAudienceNoAzp), "azp")]
    [InlineData(nameof(IdTokenFault.Expired), "exp")]
    [InlineData(nameof(IdTokenFault.FutureIat), "iat")]
    [InlineData(nameof(IdTokenFault.WrongNonce), "nonce")]
    [InlineData(nameof(IdTokenFault.MissingNonce), "nonce")]
    [InlineData(nameof(IdTokenFault.BadSignature), "signature")]
    [InlineData(nameof(IdTokenFault.AlgNone), "signature")]
    public async Task Login_IdTokenFault_BreaksOnlyThatCheck(string fault, string failedCheck)
    {
        await using var provider = await OidcProvider.StartAsync(
            new OidcProviderOptions { IdTokenFault = Enum.Parse<IdTokenFault>(fault) });
        using var client = await CodeFlowClient.CreateAsync(provider);
        using var browser = new BrowserDriver();
        var login = await BrowserLogin.RunAsync(client, browser, push: true);

        var (status, tokens) = await client.ExchangeCodeAsync(login.Callback["code"], login.Request, login.RedirectUri);
        var failures = await IdTokenChecks.FailuresAsync(
            tokens.GetProperty("id_token").GetString()!, await client.JwksAsync(), provider.Issuer,
            provider.PublicClientId, login.Request.Nonce);

        Assert.Equal(200, status);
        Assert.Equal([failedCheck], failures);
    }

    [Fact]
    public async Task Refresh_FaultOnRefreshOnly_FirstTokenIsClean()
    {
        await using var provider = await OidcProvider.StartAsync(new OidcProviderOptions
        {
            IdTokenFault = IdTokenFault.WrongIssuer,
            IdTokenFaultGrant = "refresh_token",
        });
        using var client = await CodeFlowClient.CreateAsync(provider);
        using var browser = new BrowserDriver();
        var login = await BrowserLogin.RunAsync(client, browser);
        var (_, tokens) = await client.ExchangeCodeAsync(login.Callback["code"], login.Request, login.RedirectUri);
        var jwks = await client.JwksAsync();

        var (status, refreshed) = await client.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);

        Assert.Equal(200, status);
        Assert.Empty(await IdTokenChecks.FailuresAsync(
            tokens.GetProperty("id_token").GetString()!, jwks, provider.Issuer, provider.PublicClientId,
            login.Request.Nonce));
        Assert.Contains("iss", await IdTokenChecks.FailuresAsync(
            refreshed.GetProperty("id_token").GetString()!, jwks, provider.Issuer, provider.PublicClientId,
            login.Request.Nonce));
    }

    [Fact]
    public async Task Login_CallbackStateReplaced_CallbackCarriesTheOtherState()
    {
        await using var provider = await OidcProvider.StartAsync(
            new OidcProviderOptions { CallbackState = "tampered-state" });
        using var client = await CodeFlowClient.CreateAsync(provider);
        using var browser = new BrowserDriver();

        var login = await BrowserLogin.RunAsync(client, browser);

        Assert.Equal("tampered-state", login.Callback["state"]);
        Assert.NotEqual(login.Request.State, login.Callback["state"]);
        Assert.True(login.Callback.ContainsKey("code"));
    }

    [Fact]
    public async Task Login_CallbackIssuerReplaced_CallbackCarriesTheOtherIssuer()
    {
        await using var provider = await OidcProvider.StartAsync(
            new OidcProviderOptions { CallbackIssuer = "https://wrong-issuer.example.test" });
        using var client = await CodeFlowClient.CreateAsync(provider);
        using var browser = new BrowserDriver();

        var login = await BrowserLogin.RunAsync(client, browser);

        Assert.Equal("https://wrong-issuer.example.test", login.Callback["iss"]);
        Assert.Equal(login.Request.State, login.Callback["state"]);
    }
}
