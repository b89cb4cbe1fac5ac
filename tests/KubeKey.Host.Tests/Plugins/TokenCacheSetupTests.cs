using KubeKey.Cache.SecretService.Tests.Support;
using KubeKey.Host.Plugins;
using KubeKey.Host.Tests.Support;

namespace KubeKey.Host.Tests.Plugins;

/// <summary>
/// The automatic and explicit cache choice, through the host, against a real GNOME Keyring or no
/// bus at all.
/// </summary>
public sealed class TokenCacheSetupTests
{
    private static readonly string[] GetToken =
        ["get-token", "--oidc-issuer-url", HostHarness.Issuer, "--oidc-client-id", HostHarness.ClientId];

    [LinuxFact]
    public async Task OpenAsync_NothingSetAndTheKeyringAnswers_AnswersFromTheSecretService()
    {
        await using var keyring = await KeyringHost.StartAsync(withKeyring: true);
        var entry = HostHarness.Entry(DateTimeOffset.UtcNow.AddHours(1));
        await keyring.Host.StoreInAsync(KeyringHost.SecretService, entry);

        var exitCode = await keyring.Host.RunAsync(GetToken);

        Assert.Equal(0, exitCode);
        Assert.Contains(entry.IdToken, keyring.Host.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, keyring.Host.Stderr);
    }

    [LinuxFact]
    public async Task OpenAsync_NothingSetAndNoBus_FallsBackToTheFileWithOneNoteNotRepeated()
    {
        await using var keyring = await KeyringHost.StartAsync(withKeyring: false);
        var entry = HostHarness.Entry(DateTimeOffset.UtcNow.AddHours(1));
        await keyring.Host.StoreInAsync("file", entry);

        var first = await keyring.Host.RunAsync(GetToken);
        var firstStderr = keyring.Host.Stderr;
        var second = await keyring.Host.RunAsync(GetToken);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.Contains(entry.IdToken, keyring.Host.Stdout, StringComparison.Ordinal);
        var note = Assert.Single(firstStderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(
            "kubekey: note: the secretservice token cache cannot work here",
            note,
            StringComparison.Ordinal);
        Assert.Equal(string.Empty, keyring.Host.Stderr);
        Assert.True(File.Exists(keyring.Host.Combine("home", "cache", "kubekey", FallbackNotice.MarkerName)));
    }

    [LinuxFact]
    public async Task OpenAsync_SecretServiceAskedWithoutABus_FailsOnOneLineListingWhatWorks()
    {
        await using var keyring = await KeyringHost.StartAsync(withKeyring: false);
        var exitCode = await keyring.Host.RunAsync([.. GetToken, "--cache", KeyringHost.SecretService]);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, keyring.Host.Stdout);
        var line = Assert.Single(keyring.Host.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(
            "kubekey: error: The token cache 'secretservice' cannot work here: kubekey found no D-Bus session bus",
            line,
            StringComparison.Ordinal);
        Assert.Contains("Works on Linux here: file;", line, StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task OpenAsync_MacKeychainAskedOnLinux_FailsListingWhatIsAvailable()
    {
        await using var keyring = await KeyringHost.StartAsync(withKeyring: false);
        var exitCode = await keyring.Host.RunAsync([.. GetToken, "--cache", "mackeychain"]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(keyring.Host.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'mackeychain'", line, StringComparison.Ordinal);
        Assert.Contains("Available on Linux: file, secretservice.", line, StringComparison.Ordinal);
    }
}
