using System.ComponentModel;
using System.Diagnostics;
using KubeKey.Abstractions;

namespace KubeKey.Browser.System;

/// <summary>
/// Opens the URL by starting the planned commands one after another until one of them starts
/// and does not fail at once.
/// </summary>
/// <remarks>
/// Standard output belongs to the ExecCredential, so every program started here gets pipes for
/// its output, which are copied to the log at debug level, and an empty standard input.
/// </remarks>
internal sealed class ProcessBrowserLauncher : IBrowserLauncher
{
    /// <summary>How long a launcher may take to fail before it counts as started.</summary>
    public static readonly TimeSpan DefaultStartupGrace = TimeSpan.FromSeconds(1);

    private const string UrlMark = "<url>";

    private readonly BrowserCommandPlanner _planner;
    private readonly IPluginLog _log;
    private readonly TimeSpan _startupGrace;

    public ProcessBrowserLauncher(BrowserCommandPlanner planner, IPluginLog log, TimeSpan startupGrace)
    {
        _planner = planner;
        _log = log;
        _startupGrace = startupGrace;
    }

    public async ValueTask<bool> OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        IReadOnlyList<LaunchCommand> commands;
        try
        {
            commands = _planner.Plan(url);
        }
        catch (FormatException e)
        {
            _log.Warning(e.Message);
            return false;
        }

        if (commands.Count == 0)
        {
            _log.Information("Found no way to open a browser here (no $BROWSER, no display).");
            return false;
        }

        foreach (var command in commands)
        {
            if (await TryLaunchAsync(command, url, cancellationToken).ConfigureAwait(false))
            {
                _log.Debug($"Opened the browser with {Describe(command)}.");
                return true;
            }
        }

        var tried = string.Join(", ", commands.Select(Describe));
        _log.Information($"Could not open a browser; tried {tried}.");
        return false;
    }

    private async Task<bool> TryLaunchAsync(
        LaunchCommand command, Uri url, CancellationToken cancellationToken)
    {
        if (command.UseShell)
        {
            return TryShellOpen(command);
        }

        var process = CreateProcess(command, url);
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            Report(command, $"Could not start {Describe(command)}: {e.Message}");
            return false;
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // xdg-open and open return as soon as the browser has the URL, a browser started directly
        // keeps running: neither is waited for. Only a launcher that fails at once moves us on.
        try
        {
            await exited.Task.WaitAsync(_startupGrace, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var seconds = _startupGrace.TotalSeconds;
            _log.Debug($"{Describe(command)} is still running after {seconds:0.#} s; taking it as started.");
            return true;
        }

        var exitCode = process.ExitCode;
        if (exitCode != 0)
        {
            Report(command, $"{Describe(command)} failed with exit code {exitCode}.");
            return false;
        }

        return true;
    }

    private bool TryShellOpen(LaunchCommand command)
    {
        try
        {
            var startInfo = new ProcessStartInfo(command.Program) { UseShellExecute = true };
            using var process = Process.Start(startInfo);
            return true;
        }
        catch (Exception e)
            when (e is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            Report(command, $"Could not open the URL with {Describe(command)}: {e.Message}");
            return false;
        }
    }

    private Process CreateProcess(LaunchCommand command, Uri url)
    {
        var startInfo = new ProcessStartInfo(command.Program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var name = Path.GetFileName(command.Program);
        var escapedUrl = BrowserCommandPlanner.EscapeForCmd(url.AbsoluteUri);
        void Relay(object sender, DataReceivedEventArgs e)
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                // The URL carries login state; the browser echoing it is no reason to log it.
                var line = e.Data.Replace(url.AbsoluteUri, UrlMark, StringComparison.Ordinal)
                    .Replace(escapedUrl, UrlMark, StringComparison.Ordinal);
                _log.Debug($"{name}: {line}");
            }
        }

        process.OutputDataReceived += Relay;
        process.ErrorDataReceived += Relay;
        return process;
    }

    // A command the person configured failing is worth a warning; the built-in candidates
    // failing one after another is normal on machines that lack some of them.
    private void Report(LaunchCommand command, string message)
    {
        if (command.Configured)
        {
            _log.Warning($"{message} Check the browser command from {command.Source}.");
        }
        else
        {
            _log.Debug(message);
        }
    }

    private static string Describe(LaunchCommand command) =>
        command.UseShell || command.Source == command.Program
            ? command.Source
            : $"{command.Source} ({Path.GetFileName(command.Program)})";
}
