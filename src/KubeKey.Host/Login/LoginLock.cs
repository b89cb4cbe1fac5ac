using System.Diagnostics;
using Serilog;

namespace KubeKey.Host.Login;

/// <summary>
/// A lock file per cached login, held around check → refresh or login → store, so parallel
/// kubectl runs open one browser, not one each, and never race a rotating refresh token
/// (REFERENCE.md §2, §4). The operating system releases it when the holder exits, crash or not.
/// </summary>
internal sealed class LoginLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly FileStream _file;

    private LoginLock(FileStream file)
    {
        _file = file;
    }

    /// <summary>
    /// Takes the lock at <paramref name="path"/>, waiting at most <paramref name="timeout"/> and
    /// saying on <paramref name="stderr"/> what it waits for.
    /// </summary>
    /// <exception cref="LoginException">Another process held it for the whole time.</exception>
    public static async Task<LoginLock> AcquireAsync(
        string path, TimeSpan timeout, TextWriter stderr, ILogger log, CancellationToken cancellationToken)
    {
        CreatePrivateFolder(Path.GetDirectoryName(path)!);
        var waited = Stopwatch.StartNew();
        var announced = false;
        while (true)
        {
            if (TryOpen(path) is { } file)
            {
                log.Debug("Holding the login lock {Path}", path);
                return new LoginLock(file);
            }

            if (waited.Elapsed >= timeout)
            {
                throw LoginException.LockTimeout(path, timeout);
            }

            if (!announced)
            {
                announced = true;
                await stderr.WriteLineAsync(
                    $"kubekey: another kubekey is logging in to the same account; waiting up to "
                    + $"{timeout.TotalSeconds:0} s for it to finish.").ConfigureAwait(false);
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _file.Dispose();

    // The lock shares the cache folder, which holds tokens: it is made mode 700 like the cache makes it.
    private static void CreatePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(
                folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static FileStream? TryOpen(string path)
    {
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock on Unix, a share lock on
            // Windows), released by the OS when the handle closes or the process dies.
            var options = new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            return new FileStream(path, options);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
