using System.Diagnostics;
using System.Text;
using KubeKey.Testing;

namespace KubeKey.Cache.SecretService.Tests.Support;

/// <summary>
/// A real GNOME Keyring on a private session bus: a fresh HOME whose "login" keyring the daemon
/// creates and unlocks with a test password. Use it as a class fixture; tests reach it only
/// through <see cref="CreateContext"/>, never through the person's own session.
/// </summary>
/// <remarks>
/// On Linux, a keyring that cannot start fails every test that uses it, with the reason; only
/// other operating systems skip (see <see cref="LinuxFactAttribute"/>).
/// </remarks>
public sealed class PrivateSecretService : IAsyncLifetime
{
    public const string KeyringPassword = "kubekey-test-keyring-password";
    private const string SecretsName = "org.freedesktop.secrets";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly TempDirectory _root = new();
    private PrivateSessionBus? _bus;
    private Process? _keyring;
    private StringBuilder? _keyringOutput;

    /// <summary>The private bus the keyring serves on.</summary>
    public PrivateSessionBus Bus => _bus ?? throw new InvalidOperationException("The keyring is not started.");

    /// <summary>The keyring daemon's process id, for tests that stop it.</summary>
    public int KeyringProcessId => _keyring?.Id ?? throw new InvalidOperationException("The keyring is not started.");

    /// <summary>Starts a keyring for a single test; dispose it with <see cref="DisposeAsync"/>.</summary>
    public static async Task<PrivateSecretService> StartAsync()
    {
        var service = new PrivateSecretService();
        try
        {
            await service.InitializeAsync();
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    public async Task InitializeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        _bus = await PrivateSessionBus.StartAsync(_root.Path);

        // --unlock reads the password on stdin and creates the "login" keyring with it.
        var info = ChildProcess.StartInfo(
            "gnome-keyring-daemon", _bus.Environment, "--unlock", "--components=secrets", "--foreground");
        _keyring = ChildProcess.Start(info);
        _keyringOutput = ChildProcess.CaptureOutput(_keyring);
        await _keyring.StandardInput.WriteAsync(KeyringPassword);
        _keyring.StandardInput.Close();

        if (!await _bus.WaitForOwnerAsync(SecretsName, StartTimeout))
        {
            throw new InvalidOperationException(
                $"gnome-keyring-daemon did not take the name {SecretsName} on the private bus within "
                + $"{StartTimeout.TotalSeconds} s (exited: {_keyring.HasExited}); its output: {_keyringOutput}; "
                + $"dbus-daemon: {_bus.Errors}");
        }
    }

    /// <summary>A plugin context whose environment leads to this keyring only.</summary>
    public FakePluginContext CreateContext(bool interactive = false)
    {
        var context = new FakePluginContext(_root.Path) { Interactive = interactive };
        foreach (var (name, value) in Bus.Environment)
        {
            context.Environment[name] = value;
        }

        return context;
    }

    /// <summary>Runs libsecret's <c>secret-tool</c> against this keyring.</summary>
    public Task<ChildProcess.Result> SecretToolAsync(string? stdin, params string[] arguments) =>
        ChildProcess.RunAsync(ChildProcess.StartInfo("secret-tool", Bus.Environment, arguments), stdin);

    /// <summary>Calls a Secret Service method with <c>dbus-send</c>.</summary>
    public async Task<string> CallAsync(string method, params string[] arguments)
    {
        var result = await ChildProcess.RunAsync(ChildProcess.StartInfo(
            "dbus-send",
            Bus.Environment,
            ["--session", "--print-reply", "--dest=" + SecretsName, "/org/freedesktop/secrets",
                "org.freedesktop.Secret.Service." + method, .. arguments]));
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException($"dbus-send {method} failed: {result.Describe()}");
    }

    /// <summary>Locks the default collection, as a screen lock or a timeout would.</summary>
    public async Task LockDefaultCollectionAsync()
    {
        var alias = await CallAsync("ReadAlias", "string:default");
        var collection = alias.Split('"')[1];
        await CallAsync("Lock", "array:objpath:" + collection);
    }

    public Task DisposeAsync()
    {
        ChildProcess.Stop(_keyring);
        _bus?.Dispose();
        _root.Dispose();
        return Task.CompletedTask;
    }
}
