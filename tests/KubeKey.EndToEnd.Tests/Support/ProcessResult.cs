using System.Diagnostics;

namespace KubeKey.EndToEnd.Tests.Support;

/// <summary>How a child process ended: its exit code and everything it wrote.</summary>
internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>
    /// Runs <paramref name="start"/> to the end, killing it (by its pid) past <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        if (start.RedirectStandardInput)
        {
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{start.FileName} did not finish within {timeout.TotalSeconds} s. "
                + $"stderr so far: {await WithDeadline(stderr)}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";

    private static async Task<string> WithDeadline(Task<string> text) =>
        await Task.WhenAny(text, Task.Delay(1000)) == text ? await text : "(unavailable)";
}
