using KubeKey.Cache.SecretService.Tests.Support;

namespace KubeKey.Host.Tests.Support;

/// <summary>
/// The host's composition root with the file and Secret Service caches installed, and (when
/// started with a keyring) a real GNOME Keyring on a private session bus it can reach. Without a
/// keyring, the host sees no session bus at all. One per test, so no test sees another's items.
/// </summary>
internal sealed class KeyringHost : IAsyncDisposable
{
    public const string SecretService = "secretservice";
    public static readonly string Account = HostHarness.ClientId + "@" + HostHarness.Issuer;

    private readonly bool _withKeyring;
    private PrivateSecretService? _keyring;

    private KeyringHost(bool withKeyring)
    {
        _withKeyring = withKeyring;
        Host.InstallPlugin("plugins/Cache.SecretService", "KubeKey.Cache.SecretService");
    }

    public HostHarness Host { get; } = new();

    public PrivateSecretService Keyring =>
        _keyring ?? throw new InvalidOperationException("Started without a keyring.");

    /// <summary>Starts the host, and the keyring when <paramref name="withKeyring"/>.</summary>
    public static async Task<KeyringHost> StartAsync(bool withKeyring)
    {
        var host = new KeyringHost(withKeyring);
        try
        {
            await host.InitializeAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync()
    {
        if (!_withKeyring || !OperatingSystem.IsLinux())
        {
            return;
        }

        _keyring = await PrivateSecretService.StartAsync();
        foreach (var name in (string[])["DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"])
        {
            Host.Environment[name] = _keyring.Bus.Environment[name];
        }
    }

    /// <summary>Writes an item the way the Go kubekey's go-keyring did: attributes service and username.</summary>
    public async Task StoreLegacyItemAsync(string value)
    {
        var result = await Keyring.SecretToolAsync(
            value,
            "store",
            "--label=Password for '" + Account + "' on 'github.com/metno/kubekey'",
            "service",
            "github.com/metno/kubekey",
            "username",
            Account);
        Assert.True(result.ExitCode == 0, "secret-tool store failed: " + result.Describe());
    }

    public async ValueTask DisposeAsync()
    {
        if (_keyring is not null)
        {
            await _keyring.DisposeAsync();
        }

        Host.Dispose();
    }
}
