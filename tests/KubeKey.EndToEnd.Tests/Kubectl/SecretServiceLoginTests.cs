using KubeKey.Cache.SecretService.Tests.Support;
using KubeKey.EndToEnd.Tests.Support;

namespace KubeKey.EndToEnd.Tests.Kubectl;

/// <summary>
/// The browser login once more, with the token kept in a real GNOME Keyring on a private session
/// bus, chosen automatically as it is on a Linux desktop.
/// </summary>
public sealed class SecretServiceLoginTests
{
    [LinuxFact]
    public async Task Kubectl_LoginOnADesktop_TokenKeptInTheSecretServiceAndServedFromIt()
    {
        await using var keyring = await PrivateSecretService.StartAsync();
        await using var world = await LoginWorld.StartAsync();
        // The desktop session's bus; kubekey keeps its own home, so a file cache would show there.
        var desktop = new Dictionary<string, string>
        {
            ["DBUS_SESSION_BUS_ADDRESS"] = keyring.Bus.Environment["DBUS_SESSION_BUS_ADDRESS"],
            ["XDG_RUNTIME_DIR"] = keyring.Bus.Environment["XDG_RUNTIME_DIR"],
            ["KUBEKEY_CACHE"] = "",
        };
        var kubeconfig = world.FlagsKubeconfig();

        var first = await world.KubectlAsync(kubeconfig, desktop);
        var second = await world.KubectlAsync(kubeconfig, desktop);
        var items = await keyring.SecretToolAsync(null, "search", "--all", "application", "kubekey");
        var file = await BrowserLoginTests.ReadCachedAsync(world);

        Assert.True(first.ExitCode == 0, first + world.Browser.Stderr);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Single(world.Browser.Invocations());
        Assert.Equal(world.Server.AcceptedTokens[0], world.Server.AcceptedTokens[1]);
        Assert.Contains(
            $"label = kubekey: {world.Provider.Issuer} ({world.Provider.PublicClientId})",
            items.StandardOutput,
            StringComparison.Ordinal);
        Assert.Null(file);
        Assert.DoesNotContain("file cache", first.Stderr, StringComparison.Ordinal);
    }
}
