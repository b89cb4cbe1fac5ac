using System.Diagnostics;
using System.Text;

namespace KubeKey.Cache.SecretService.Tests.Support;

/// <summary>
/// A D-Bus session bus of the test's own: <c>dbus-daemon</c> listening on a socket in a temp
/// folder, with its own HOME and XDG folders. It activates no services, so nothing the test did
/// not start itself (a second keyring daemon, a prompter) can appear on it.
/// </summary>
public sealed class PrivateSessionBus : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _daemon;
    private readonly StringBuilder _errors;

    private PrivateSessionBus(Process daemon, StringBuilder errors, string address, Dictionary<string, string> env)
    {
        _daemon = daemon;
        _errors = errors;
        Address = address;
        Environment = env;
    }

    /// <summary>The bus address, as DBUS_SESSION_BUS_ADDRESS would hold it.</summary>
    public string Address { get; }

    /// <summary>HOME, the XDG folders and DBUS_SESSION_BUS_ADDRESS for children on this bus.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Starts the bus under <paramref name="root"/> and waits until it listens.</summary>
    public static async Task<PrivateSessionBus> StartAsync(string root)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("A private D-Bus session bus needs Linux.");
        }

        var home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        var runtime = Path.Combine(root, "run");
        Directory.CreateDirectory(runtime, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var socket = Path.Combine(runtime, "bus");
        var config = Path.Combine(root, "session.conf");
        await System.IO.File.WriteAllTextAsync(config, Config(socket));

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share"),
            ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
            ["XDG_CACHE_HOME"] = Path.Combine(home, ".cache"),
            ["XDG_RUNTIME_DIR"] = runtime,
        };
        var info = ChildProcess.StartInfo(
            "dbus-daemon", environment, "--config-file=" + config, "--nofork", "--print-address");
        var daemon = ChildProcess.Start(info);
        var errors = new StringBuilder();
        daemon.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        daemon.BeginErrorReadLine();

        string? address;
        try
        {
            // It prints the address once it listens; nothing else comes on stdout afterwards.
            address = await daemon.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            address = null;
        }

        if (string.IsNullOrEmpty(address))
        {
            ChildProcess.Stop(daemon);
            throw new InvalidOperationException(
                $"dbus-daemon did not start a private session bus within {StartTimeout.TotalSeconds} s: {errors}");
        }

        environment["DBUS_SESSION_BUS_ADDRESS"] = address;
        return new PrivateSessionBus(daemon, errors, address, environment);
    }

    /// <summary>Waits until <paramref name="name"/> has an owner on this bus.</summary>
    /// <returns><see langword="false"/> when it still has none after <paramref name="timeout"/>.</returns>
    public async Task<bool> WaitForOwnerAsync(string name, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            var reply = await ChildProcess.RunAsync(ChildProcess.StartInfo(
                "dbus-send", Environment, "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:" + name));
            if (reply.StandardOutput.Contains("boolean true", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    /// <summary>What the daemon said on stderr, for failure messages.</summary>
    public string Errors => _errors.ToString();

    public void Dispose() => ChildProcess.Stop(_daemon);

    private static string Config(string socket) => $"""
        <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
         "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
        <busconfig>
          <type>session</type>
          <listen>unix:path={socket}</listen>
          <auth>EXTERNAL</auth>
          <policy context="default">
            <allow send_destination="*" eavesdrop="true"/>
            <allow eavesdrop="true"/>
            <allow own="*"/>
          </policy>
        </busconfig>
        """;
}
