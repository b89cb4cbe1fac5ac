using KubeKey.Cache.SecretService.Tests.Support;
using KubeKey.Host.Plugins;
using KubeKey.Host.Tests.Support;

namespace KubeKey.Host.Tests.Commands;

public sealed class DoctorCommandTests
{
    [LinuxFact]
    public async Task RunAsync_KeyringAnswers_ReportsTheSecretServiceHealthyAndLeavesNoItem()
    {
        await using var keyring = await KeyringHost.StartAsync(withKeyring: true);

        var exitCode = await keyring.Host.RunAsync("doctor");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, keyring.Host.Stdout);
        Assert.Contains(
            "token cache:  secretservice (KubeKey.Cache.SecretService",
            keyring.Host.Stderr,
            StringComparison.Ordinal);
        Assert.Contains(
            "chosen automatically: the first choice on Linux",
            keyring.Host.Stderr,
            StringComparison.Ordinal);
        Assert.Contains("round trip: ok", keyring.Host.Stderr, StringComparison.Ordinal);
        Assert.Contains("file            works here", keyring.Host.Stderr, StringComparison.Ordinal);
        Assert.Contains("secretservice   works here", keyring.Host.Stderr, StringComparison.Ordinal);
        Assert.Empty(await keyring.Host.ListAsync(KeyringHost.SecretService));
    }

    [LinuxFact]
    public async Task RunAsync_NoBus_ReportsTheFileHealthyAndWhyWithoutUsingUpTheNote()
    {
        await using var keyring = await KeyringHost.StartAsync(withKeyring: false);

        var exitCode = await keyring.Host.RunAsync("doctor");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, keyring.Host.Stdout);
        Assert.Contains("token cache:  file (KubeKey.Cache.File", keyring.Host.Stderr, StringComparison.Ordinal);
        Assert.Contains(
            "because secretservice cannot work here (kubekey found no D-Bus session bus",
            keyring.Host.Stderr,
            StringComparison.Ordinal);
        Assert.Contains("round trip: ok", keyring.Host.Stderr, StringComparison.Ordinal);
        Assert.Empty(await keyring.Host.ListAsync("file"));
        Assert.False(File.Exists(keyring.Host.Combine("home", "cache", "kubekey", FallbackNotice.MarkerName)));
    }

    [LinuxFact]
    public async Task RunAsync_SecretServiceAskedWithoutABus_ReportsTheProblemAndWhatToDoAndExitsOne()
    {
        await using var keyring = await KeyringHost.StartAsync(withKeyring: false);

        var exitCode = await keyring.Host.RunAsync("doctor", "--cache", KeyringHost.SecretService);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, keyring.Host.Stdout);
        Assert.Contains(
            "problem:    The token cache 'secretservice' cannot work here",
            keyring.Host.Stderr,
            StringComparison.Ordinal);
        Assert.Contains("what to do:", keyring.Host.Stderr, StringComparison.Ordinal);
        Assert.Contains("secretservice   cannot work here", keyring.Host.Stderr, StringComparison.Ordinal);
        Assert.Contains(
            "kubekey doctor: the token cache does not work.",
            keyring.Host.Stderr,
            StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task RunAsync_KeyringLocked_ReportsTheLockAndExitsOne()
    {
        await using var keyring = await KeyringHost.StartAsync(withKeyring: true);

        // The daemon makes the login keyring on first use; lock it once it exists.
        await keyring.Host.StoreInAsync(
            KeyringHost.SecretService, HostHarness.Entry(DateTimeOffset.UtcNow.AddHours(1)));
        await keyring.Keyring.LockDefaultCollectionAsync();

        var exitCode = await keyring.Host.RunAsync("doctor");

        Assert.Equal(1, exitCode);
        Assert.Contains("problem:    The keyring is locked", keyring.Host.Stderr, StringComparison.Ordinal);
    }
}
