using System.Net.Http.Json;
using System.Text.Json;
using KubeKey.EndToEnd.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace KubeKey.EndToEnd.Tests.Harness;

/// <summary>
/// A minimal OAuth client written for the harness tests, so the provider and the browser driver are
/// proven without kubekey: builds the authorization request (optionally pushed, RFC 9126), exchanges
/// the code and refreshes.
/// </summary>
internal sealed class CodeFlowClient : IDisposable
{
    private const string Scope = "openid profile email offline_access";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private readonly string _clientId;
    private readonly string? _clientSecret;

    private CodeFlowClient(OidcProvider provider, string clientId, string? clientSecret)
    {
        Provider = provider;
        _clientId = clientId;
        _clientSecret = clientSecret;
    }

    /// <summary>The provider this client talks to.</summary>
    public OidcProvider Provider { get; }

    /// <summary>The provider's discovery document.</summary>
    public JsonElement Discovery { get; private set; }

    /// <summary>
    /// A client for the provider's public client, or its confidential one when <paramref name="confidential"/>.
    /// </summary>
    public static async Task<CodeFlowClient> CreateAsync(OidcProvider provider, bool confidential = false)
    {
        var client = confidential
            ? new CodeFlowClient(provider, provider.ConfidentialClientId, provider.ConfidentialClientSecret)
            : new CodeFlowClient(provider, provider.PublicClientId, null);
        client.Discovery = await client._http.GetFromJsonAsync<JsonElement>(provider.DiscoveryUrl);
        return client;
    }

    /// <summary>The client id in use.</summary>
    public string ClientId => _clientId;

    /// <summary>
    /// The URL to open in the browser. <c>prompt=consent</c> travels with <c>offline_access</c>, or
    /// oidc-provider issues no refresh token.
    /// </summary>
    public async Task<string> AuthorizationUrlAsync(AuthorizationRequest request, string redirectUri, bool push)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = _clientId,
            ["response_type"] = "code",
            ["scope"] = Scope,
            ["prompt"] = "consent",
            ["redirect_uri"] = redirectUri,
            ["state"] = request.State,
            ["nonce"] = request.Nonce,
            ["code_challenge"] = request.Challenge,
            ["code_challenge_method"] = "S256",
        };
        var authorize = Discovery.GetProperty("authorization_endpoint").GetString()!;
        if (!push)
        {
            return QueryHelpers.AddQueryString(authorize, parameters);
        }

        var pushed = await PostAsync(Endpoint("pushed_authorization_request_endpoint"), parameters);
        pushed.EnsureSuccessStatusCode();
        var requestUri = (await pushed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request_uri").GetString();
        return QueryHelpers.AddQueryString(
            authorize, new Dictionary<string, string?> { ["client_id"] = _clientId, ["request_uri"] = requestUri });
    }

    /// <summary>Exchanges the code; returns the HTTP status and the JSON answer.</summary>
    public Task<(int Status, JsonElement Body)> ExchangeCodeAsync(
        string code, AuthorizationRequest request, string redirectUri, bool withSecret = true) =>
        TokenAsync(
            new Dictionary<string, string?>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = redirectUri,
                ["code_verifier"] = request.Verifier,
                ["client_id"] = _clientId,
            },
            withSecret);

    /// <summary>Redeems a refresh token; returns the HTTP status and the JSON answer.</summary>
    public Task<(int Status, JsonElement Body)> RefreshAsync(string refreshToken) =>
        TokenAsync(
            new Dictionary<string, string?>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = _clientId,
            },
            withSecret: true);

    /// <summary>Fetches the provider's signing keys.</summary>
    public async Task<string> JwksAsync() => await _http.GetStringAsync(Endpoint("jwks_uri"));

    /// <summary>Closes the HTTP client.</summary>
    public void Dispose() => _http.Dispose();

    private async Task<(int Status, JsonElement Body)> TokenAsync(Dictionary<string, string?> form, bool withSecret)
    {
        using var response = await PostAsync(Endpoint("token_endpoint"), form, withSecret);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<HttpResponseMessage> PostAsync(
        string endpoint, Dictionary<string, string?> form, bool withSecret = true)
    {
        // The confidential client is registered for client_secret_post.
        if (_clientSecret is not null && withSecret)
        {
            form = new Dictionary<string, string?>(form) { ["client_secret"] = _clientSecret };
        }

        using var content = new FormUrlEncodedContent(form);
        return await _http.PostAsync(new Uri(endpoint), content);
    }

    private string Endpoint(string name) => Discovery.GetProperty(name).GetString()!;
}
