using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace KubeKey.Cache.SecretService.Tests.Support;

/// <summary>
/// Runs the tools the tests need (dbus-daemon, gnome-keyring-daemon, secret-tool, dbus-send)
/// with an environment of the test's choosing, capturing their output; never the real session's.
/// </summary>
public static class ChildProcess
{
    /// <summary>Variables that would lead a child to the person's real desktop session.</summary>
    private static readonly string[] SessionVariables =
    [
        "DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "GNOME_KEYRING_CONTROL",
        "SSH_AUTH_SOCK", "XDG_SESSION_ID", "XDG_CURRENT_DESKTOP",
    ];

    public static ProcessStartInfo StartInfo(
        string file, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in SessionVariables)
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Starts <paramref name="info"/>, failing with a message that names what to install.</summary>
    public static Process Start(ProcessStartInfo info)
    {
        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException($"'{info.FileName}' did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"'{info.FileName}' cannot be started ({e.Message}); the Secret Service tests need the Debian "
                + "packages dbus, dbus-x11, gnome-keyring and libsecret-tools: run scripts/install-test-deps.sh.",
                e);
        }
    }

    /// <summary>Runs a tool to its end, with <paramref name="stdin"/> as its input.</summary>
    public static async Task<Result> RunAsync(
        ProcessStartInfo info, string? stdin = null, TimeSpan? timeout = null)
    {
        using var process = Start(info);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"'{info.FileName} {string.Join(' ', info.ArgumentList)}' did not finish.");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Collects a long-running child's output for the failure message, should it fail.</summary>
    public static StringBuilder CaptureOutput(Process process)
    {
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    /// <summary>Ends a child the test started, by its own process id.</summary>
    public static void Stop(Process? process)
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended by itself in the meantime.
        }

        process.Dispose();
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string Describe() => $"exit code {ExitCode}; stdout: {StandardOutput}; stderr: {StandardError}";
    }
}
