using System.Text.Json;
using KubeKey.EndToEnd.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KubeKey.EndToEnd.Tests.Harness;

/// <summary>The provider's refresh behaviour that kubekey's refresh tests rely on.</summary>
public sealed class RefreshTests
{
    [Fact]
    public async Task Refresh_ShortIdTokenLifetime_IssuesNewIdTokenAndRotatesRefreshToken()
    {
        await using var provider = await OidcProvider.StartAsync(
            new OidcProviderOptions { IdTokenLifetime = TimeSpan.FromSeconds(30) });
        using var client = await CodeFlowClient.CreateAsync(provider);
        using var browser = new BrowserDriver();
        var first = await LoginAsync(client, browser);
        var firstRefresh = first.GetProperty("refresh_token").GetString()!;

        var (status, refreshed) = await client.RefreshAsync(firstRefresh);
        var (reuseStatus, reuse) = await client.RefreshAsync(firstRefresh);

        var idToken = new JsonWebToken(first.GetProperty("id_token").GetString()!);
        Assert.Equal(TimeSpan.FromSeconds(30), idToken.ValidTo - idToken.IssuedAt);
        Assert.Equal(200, status);
        var newIdToken = new JsonWebToken(refreshed.GetProperty("id_token").GetString()!);
        Assert.Equal(idToken.Subject, newIdToken.Subject);
        Assert.NotEqual(firstRefresh, refreshed.GetProperty("refresh_token").GetString());
        Assert.Equal(400, reuseStatus);
        Assert.Equal("invalid_grant", reuse.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Refresh_RefreshOmitsIdToken_AnswerHasNoIdToken()
    {
        await using var provider = await OidcProvider.StartAsync(
            new OidcProviderOptions { RefreshOmitsIdToken = true });
        using var client = await CodeFlowClient.CreateAsync(provider);
        using var browser = new BrowserDriver();
        var first = await LoginAsync(client, browser);

        var (status, refreshed) = await client.RefreshAsync(first.GetProperty("refresh_token").GetString()!);

        Assert.True(first.TryGetProperty("id_token", out _));
        Assert.Equal(200, status);
        Assert.False(refreshed.TryGetProperty("id_token", out _));
        Assert.True(refreshed.TryGetProperty("refresh_token", out _));
    }

    private static async Task<JsonElement> LoginAsync(CodeFlowClient client, BrowserDriver browser)
    {
        var login = await BrowserLogin.RunAsync(client, browser);
        var (status, tokens) = await client.ExchangeCodeAsync(login.Callback["code"], login.Request, login.RedirectUri);
        Assert.Equal(200, status);
        return tokens;
    }
}
