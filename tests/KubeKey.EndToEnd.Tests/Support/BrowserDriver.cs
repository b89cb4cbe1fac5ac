using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KubeKey.Testing;

namespace KubeKey.EndToEnd.Tests.Support;

/// <summary>
/// tests/e2e/browser.mjs set up as the browser kubekey opens: hand <see cref="Environment"/> to the
/// process under test (it sets <c>BROWSER</c>) or use <see cref="CustomCommand"/>, then read what the
/// browser saw with <see cref="WaitForPageAsync"/>. The files it writes live in a temp folder that
/// disposing deletes.
/// </summary>
internal sealed class BrowserDriver : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly TempDirectory _files = new();

    /// <summary>Sets up a driver; nothing runs until the script is invoked.</summary>
    /// <exception cref="InvalidOperationException">The script or its node packages are missing.</exception>
    public BrowserDriver()
    {
        ScriptPath = E2eFolder.Script("browser.mjs");
    }

    /// <summary>The executable script: a valid <c>$BROWSER</c> on its own.</summary>
    public string ScriptPath { get; }

    /// <summary>kubekey's custom browser command form, with the <c>{url}</c> placeholder.</summary>
    public string CustomCommand => $"{ScriptPath} {{url}}";

    /// <summary>The login typed into the provider's form; null keeps a login_hint or uses "alice".</summary>
    public string? User { get; init; } = "alice";

    /// <summary>Cancel on the consent page (the provider answers access_denied) instead of accepting.</summary>
    public bool DenyConsent { get; init; }

    /// <summary>Only record invocations in <see cref="Invocations"/>; open nothing.</summary>
    public bool RecordOnly { get; init; }

    /// <summary>Save a PNG of the final page at <see cref="ScreenshotPath"/>.</summary>
    public bool Screenshot { get; init; }

    /// <summary>How long the browser may take from the first page to the final one before it gives up.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where browser.mjs writes the final page as JSON.</summary>
    public string PageOutPath => _files.Combine("page.json");

    /// <summary>Where each invocation is appended (time and URL with secret parameters masked).</summary>
    public string InvocationLogPath => _files.Combine("invocations.log");

    /// <summary>Where the background browser's own diagnostics go, kept out of the caller's stderr.</summary>
    public string StderrPath => _files.Combine("browser.stderr");

    /// <summary>Where the screenshot goes when <see cref="Screenshot"/> is set.</summary>
    public string ScreenshotPath => _files.Combine("page.png");

    /// <summary>The variables to give the process that opens the browser.</summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var variables = new Dictionary<string, string>
            {
                ["BROWSER"] = ScriptPath,
                ["KUBEKEY_TEST_PAGE_OUT"] = PageOutPath,
                ["KUBEKEY_TEST_BROWSER_LOG"] = InvocationLogPath,
                ["KUBEKEY_TEST_BROWSER_STDERR"] = StderrPath,
                ["KUBEKEY_TEST_CONSENT"] = DenyConsent ? "deny" : "accept",
                ["KUBEKEY_TEST_BROWSER_TIMEOUT"] = Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                ["KUBEKEY_TEST_BROWSER_RECORD_ONLY"] = RecordOnly ? "1" : "0",
                ["KUBEKEY_TEST_BROWSER_FOREGROUND"] = "0",
                ["KUBEKEY_TEST_USER"] = User ?? "",
            };
            if (Screenshot)
            {
                variables["KUBEKEY_TEST_SCREENSHOT"] = ScreenshotPath;
            }

            return variables;
        }
    }

    /// <summary>The background browser's diagnostics so far, or an empty string.</summary>
    public string Stderr => File.Exists(StderrPath) ? File.ReadAllText(StderrPath) : "";

    /// <summary>Adds <see cref="Environment"/> to a process about to start.</summary>
    public void ApplyTo(ProcessStartInfo start)
    {
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }
    }

    /// <summary>
    /// Invokes the script the way kubekey's launcher does and waits only until it has detached.
    /// </summary>
    /// <exception cref="InvalidOperationException">The script failed or did not detach within 15 s.</exception>
    public async Task OpenAsync(string url, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(ScriptPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(url);
        ApplyTo(start);

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"'{ScriptPath}' did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'{ScriptPath}' did not detach within 15 s.");
        }

        if (process.ExitCode != 0 || (await stdout).Length != 0)
        {
            throw new InvalidOperationException(
                $"'{ScriptPath}' exited with {process.ExitCode}; its stdout must stay empty. "
                + $"stdout: {await stdout} stderr: {await stderr}");
        }
    }

    /// <summary>Waits for browser.mjs to report the final page.</summary>
    /// <exception cref="TimeoutException">
    /// No report within the timeout; the message carries the browser's stderr.
    /// </exception>
    public async Task<BrowserPage> WaitForPageAsync(
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? Timeout + TimeSpan.FromSeconds(10);
        while (deadline.Elapsed < limit)
        {
            // browser.mjs renames a complete file into place, so existing means readable.
            if (File.Exists(PageOutPath))
            {
                await using var stream = File.OpenRead(PageOutPath);
                return await JsonSerializer.DeserializeAsync<BrowserPage>(stream, cancellationToken: cancellationToken)
                    ?? throw new InvalidOperationException($"'{PageOutPath}' holds no page.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        throw new TimeoutException(
            $"The browser reported no final page within {limit.TotalSeconds} s. Its stderr:\n{Stderr}");
    }

    /// <summary>Each invocation so far, oldest first: time, a space, the URL with secret parameters masked.</summary>
    public IReadOnlyList<string> Invocations() =>
        File.Exists(InvocationLogPath) ? File.ReadAllLines(InvocationLogPath) : [];

    /// <summary>Deletes the driver's files; a browser still running ends by its own timeout.</summary>
    public void Dispose() => _files.Dispose();
}
