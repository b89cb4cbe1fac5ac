using KubeKey.Testing;

namespace KubeKey.Browser.System.Tests;

/// <summary>Small shell scripts that stand in for browsers and launchers, in a temporary folder.</summary>
internal sealed class ScriptBrowsers : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<string> _pidFiles = [];

    /// <summary>Where <see cref="Recorder"/> writes the arguments it received, one per line.</summary>
    public string ArgvFile => _directory.Combine("argv");

    /// <summary>Writes its arguments to <see cref="ArgvFile"/>, echoes them on stdout and stderr, exits 0.</summary>
    public string Recorder => Write(
        "recorder",
        $"""
        for a in "$@"; do printf '%s\n' "$a"; done > '{ArgvFile}'
        echo "recorder-stdout $*"
        echo "recorder-stderr $*" >&2
        exit 0
        """);

    /// <summary>Complains on stderr and exits 3, the way xdg-open does without a handler.</summary>
    public string Failing => Write("failing", "echo 'failing: no method available' >&2\nexit 3");

    /// <summary>A path where no program exists.</summary>
    public string Missing => _directory.Combine("no-such-browser");

    /// <summary>Keeps running, like a browser started directly; records its pid to be stopped later.</summary>
    public string LongRunning => Write("long-running", $"echo $$ > '{PidFile("long-running")}'\nexec sleep 30");

    /// <summary>Exits 0 at once but leaves a child holding its output pipes, like xdg-open's browser.</summary>
    public string Detaching => Write(
        "detaching",
        $"sleep 30 &\necho $! > '{PidFile("detaching")}'\necho detached\nexit 0");

    public void Dispose()
    {
        foreach (var pidFile in _pidFiles.Where(File.Exists))
        {
            StopProcess(pidFile);
        }

        _directory.Dispose();
    }

    private string PidFile(string name)
    {
        var path = _directory.Combine(name + ".pid");
        _pidFiles.Add(path);
        return path;
    }

    private string Write(string name, string body)
    {
        var path = _directory.Combine(name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static void StopProcess(string pidFile)
    {
        if (!int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            return;
        }

        try
        {
            using var process = global::System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // It has already exited.
        }
        catch (InvalidOperationException)
        {
            // It exited between the lookup and the kill.
        }
    }
}
