using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using KubeKey.EndToEnd.Tests.Support;

namespace KubeKey.EndToEnd.Tests.Harness;

public sealed class OidcProviderTests
{
    [Fact]
    public async Task StartAsync_Defaults_DiscoveryNamesIssuerAndAdvertisesPar()
    {
        await using var provider = await OidcProvider.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var discovery = await http.GetFromJsonAsync<JsonElement>(provider.DiscoveryUrl);

        Assert.StartsWith("http://127.0.0.1:", provider.Issuer, StringComparison.Ordinal);
        Assert.Equal(provider.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal(
            $"{provider.Issuer}/request", discovery.GetProperty("pushed_authorization_request_endpoint").GetString());
        Assert.True(discovery.GetProperty("authorization_response_iss_parameter_supported").GetBoolean());
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray()
            .Select(method => method.GetString()));
    }

    [Fact]
    public async Task StartAsync_ParDisabled_DiscoveryOmitsPar()
    {
        await using var provider = await OidcProvider.StartAsync(
            new OidcProviderOptions { PushedAuthorizationRequests = false });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var discovery = await http.GetFromJsonAsync<JsonElement>(provider.DiscoveryUrl);

        Assert.False(discovery.TryGetProperty("pushed_authorization_request_endpoint", out _));
    }

    [Fact]
    public async Task StartAsync_PortInUse_FailsWithProviderStderr()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => OidcProvider.StartAsync(new OidcProviderOptions { Port = port }));

        Assert.Contains($"cannot listen on 127.0.0.1:{port} (EADDRINUSE)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_Started_ClientSecretIsNotOnStderr()
    {
        await using var provider = await OidcProvider.StartAsync();

        await Task.Delay(TimeSpan.FromMilliseconds(200));

        Assert.NotEmpty(provider.ConfidentialClientSecret);
        Assert.DoesNotContain(provider.ConfidentialClientSecret, provider.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_Running_ProcessEnds()
    {
        var provider = await OidcProvider.StartAsync();
        using var process = Process.GetProcessById(provider.Pid);

        await provider.DisposeAsync();

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(process.HasExited);
    }

    [Fact]
    public async Task StartAsync_MaxLifetimeReached_ProviderExitsByItself()
    {
        await using var provider = await OidcProvider.StartAsync(
            new OidcProviderOptions { MaxLifetime = TimeSpan.FromSeconds(10) });
        using var process = Process.GetProcessById(provider.Pid);

        await provider.WaitForExitAsync(TimeSpan.FromSeconds(40));

        Assert.True(process.HasExited);
        Assert.Contains("max lifetime of 10 s reached", provider.Stderr, StringComparison.Ordinal);
    }
}
