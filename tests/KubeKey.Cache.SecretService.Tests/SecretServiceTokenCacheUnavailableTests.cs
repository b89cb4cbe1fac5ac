using System.Diagnostics;
using System.Globalization;
using KubeKey.Abstractions;
using KubeKey.Cache.SecretService.Tests.Support;
using KubeKey.Testing;

namespace KubeKey.Cache.SecretService.Tests;

/// <summary>The cache when there is no bus, no service on it, or a service that does not answer.</summary>
public sealed class SecretServiceTokenCacheUnavailableTests
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(3);

    [LinuxFact]
    public async Task GetAsync_AddressOfMissingSocket_ThrowsNoBusErrorQuickly()
    {
        using var temp = new TempDirectory();
        var context = new FakePluginContext(temp.Path);
        var address = "unix:path=" + temp.Combine("no-such-bus");
        context.Environment["DBUS_SESSION_BUS_ADDRESS"] = address;
        using var cache = SecretServiceTokenCache.Create(context);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TokenCacheException>(
            () => cache.GetAsync(TestEntries.Key(), default).AsTask());

        Assert.True(clock.Elapsed < Quickly, $"took {clock.Elapsed}");
        Assert.StartsWith("kubekey cannot connect to the D-Bus session bus at '" + address + "'", error.Message);
        Assert.Contains("KUBEKEY_CACHE=file", error.Message, StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task GetAsync_NoAddressAndNoRuntimeBus_ThrowsNoBusAddressError()
    {
        using var temp = new TempDirectory();
        var context = new FakePluginContext(temp.Path);
        context.Environment["XDG_RUNTIME_DIR"] = temp.Path;
        using var cache = SecretServiceTokenCache.Create(context);

        var error = await Assert.ThrowsAsync<TokenCacheException>(
            () => cache.StoreAsync(TestEntries.Key(), TestEntries.Entry(), default).AsTask());

        Assert.StartsWith("kubekey found no D-Bus session bus", error.Message, StringComparison.Ordinal);
        Assert.Contains("DBUS_SESSION_BUS_ADDRESS", error.Message, StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task GetAsync_BusWithoutSecretService_ThrowsNoServiceErrorQuickly()
    {
        using var temp = new TempDirectory();
        using var bus = await PrivateSessionBus.StartAsync(temp.Path);
        var context = new FakePluginContext(temp.Path);
        context.Environment["DBUS_SESSION_BUS_ADDRESS"] = bus.Address;
        using var cache = SecretServiceTokenCache.Create(context);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TokenCacheException>(
            () => cache.GetAsync(TestEntries.Key(), default).AsTask());

        Assert.True(clock.Elapsed < Quickly, $"took {clock.Elapsed}");
        Assert.StartsWith(
            "No Secret Service (org.freedesktop.secrets) answers", error.Message, StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task GetAsync_StoppedKeyringDaemon_ThrowsNoAnswerAfterTheCallTimeout()
    {
        var keyring = await PrivateSecretService.StartAsync();
        try
        {
            var timeouts = new SecretServiceTimeouts(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));
            using var cache = new SecretServiceTokenCache(keyring.CreateContext(), timeouts);
            await SignalAsync("-STOP", keyring.KeyringProcessId);
            var clock = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<TokenCacheException>(
                () => cache.GetAsync(TestEntries.Key(), default).AsTask());

            Assert.True(clock.Elapsed < Quickly, $"took {clock.Elapsed}");
            Assert.StartsWith("The Secret Service did not answer", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await SignalAsync("-CONT", keyring.KeyringProcessId);
            await keyring.DisposeAsync();
        }
    }

    private static async Task SignalAsync(string signal, int processId)
    {
        var pid = processId.ToString(CultureInfo.InvariantCulture);

        var result = await ChildProcess.RunAsync(
            ChildProcess.StartInfo("kill", new Dictionary<string, string>(), signal, pid));
        Assert.True(result.ExitCode == 0, result.Describe());
    }
}
