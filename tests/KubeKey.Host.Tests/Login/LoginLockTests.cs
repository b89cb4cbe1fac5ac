using System.Runtime.Versioning;
using KubeKey.Host.Login;
using KubeKey.Testing;
using Serilog;

namespace KubeKey.Host.Tests.Login;

public sealed class LoginLockTests : IDisposable
{
    private static readonly ILogger Log = new LoggerConfiguration().CreateLogger();
    private readonly TempDirectory _temp = new();
    private readonly StringWriter _stderr = new();

    public void Dispose()
    {
        _stderr.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task AcquireAsync_HeldElsewhere_SaysItWaitsThenGivesUpWithTheLockNamed()
    {
        var path = _temp.Combine("cache", "key.lock");
        using var held = await LoginLock.AcquireAsync(
            path, TimeSpan.FromSeconds(5), _stderr, Log, CancellationToken.None);

        var error = await Assert.ThrowsAsync<LoginException>(
            () => LoginLock.AcquireAsync(path, TimeSpan.FromMilliseconds(500), _stderr, Log, CancellationToken.None));

        Assert.Contains($"still holds {path}", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            "another kubekey is logging in to the same account; waiting", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcquireAsync_ReleasedWhileWaiting_TakesIt()
    {
        var path = _temp.Combine("cache", "key.lock");
        var held = await LoginLock.AcquireAsync(path, TimeSpan.FromSeconds(5), _stderr, Log, CancellationToken.None);

        var waiting = LoginLock.AcquireAsync(path, TimeSpan.FromSeconds(10), _stderr, Log, CancellationToken.None);
        await Task.Delay(300);
        held.Dispose();
        using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task AcquireAsync_NoFolderYet_CreatesItPrivate()
    {
        var folder = _temp.Combine("new-cache");

        using var held = await LoginLock.AcquireAsync(
            Path.Combine(folder, "key.lock"), TimeSpan.FromSeconds(5), _stderr, Log, CancellationToken.None);

        const UnixFileMode ReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(ReadWrite, File.GetUnixFileMode(Path.Combine(folder, "key.lock")));
    }
}
