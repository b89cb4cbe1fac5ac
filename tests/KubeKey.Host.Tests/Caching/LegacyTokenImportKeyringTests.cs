using KubeKey.Cache.SecretService.Tests.Support;
using KubeKey.Host.Tests.Support;
using KubeKey.Testing;

namespace KubeKey.Host.Tests.Caching;

/// <summary>
/// Upgrading from the Go kubekey against a real GNOME Keyring: its item, written the way
/// go-keyring wrote it (attributes service and username, the value "&lt;token&gt;.&lt;expiry&gt;"), read by
/// the host on a miss.
/// </summary>
public sealed class LegacyTokenImportKeyringTests
{
    private static readonly string[] GetToken =
        ["get-token", "--oidc-issuer-url", HostHarness.Issuer, "--oidc-client-id", HostHarness.ClientId];

    private static readonly string Token = TestEntries.Entry().IdToken;

    [LinuxFact]
    public async Task TryImportAsync_ValidGoKubeKeyItem_AnswersWithItAndKeepsItInKubeKeysOwnItem()
    {
        await using var keyring = await KeyringHost.StartAsync(withKeyring: true);
        var expiry = DateTimeOffset.UtcNow.AddMinutes(50);
        await keyring.StoreLegacyItemAsync($"{Token}.{expiry.ToUnixTimeSeconds()}");

        var exitCode = await keyring.Host.RunAsync(GetToken);

        Assert.Equal(0, exitCode);
        Assert.Contains(Token, keyring.Host.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, keyring.Host.Stderr);
        var stored = await keyring.Host.ReadFromAsync(KeyringHost.SecretService);
        Assert.Equal(Token, stored?.IdToken);
        Assert.Equal(expiry.ToUnixTimeSeconds(), stored!.ExpiresAt.ToUnixTimeSeconds());
        Assert.Equal("test", stored.Subject);
        Assert.Null(stored.RefreshToken);
    }

    [LinuxFact]
    public async Task TryImportAsync_ValidItemAtDebugLevel_NeverLogsTheToken()
    {
        await using var keyring = await KeyringHost.StartAsync(withKeyring: true);
        await keyring.StoreLegacyItemAsync($"{Token}.{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}");

        var exitCode = await keyring.Host.RunAsync([.. GetToken, "--debug"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("Took over the Go kubekey's token", keyring.Host.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("c2lnbmF0dXJl", keyring.Host.Stderr, StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task TryImportAsync_ExpiredGoKubeKeyItem_IsIgnored()
    {
        await using var keyring = await KeyringHost.StartAsync(withKeyring: true);
        await keyring.StoreLegacyItemAsync($"{Token}.{DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds()}");

        var exitCode = await keyring.Host.RunAsync([.. GetToken, "-v"]);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, keyring.Host.Stdout);
        Assert.Contains("No cached token; getting one", keyring.Host.Stderr, StringComparison.Ordinal);
        Assert.Null(await keyring.Host.ReadFromAsync(KeyringHost.SecretService));
    }

    [LinuxFact]
    public async Task TryImportAsync_MalformedGoKubeKeyItem_IsIgnoredWithoutACrash()
    {
        await using var keyring = await KeyringHost.StartAsync(withKeyring: true);
        await keyring.StoreLegacyItemAsync("this is not a token.nor-an-expiry");

        var exitCode = await keyring.Host.RunAsync([.. GetToken, "--debug"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("is not '<token>.<expiry>'; ignored", keyring.Host.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("nor-an-expiry", keyring.Host.Stderr, StringComparison.Ordinal);
        Assert.Null(await keyring.Host.ReadFromAsync(KeyringHost.SecretService));
    }
}
