using System.Diagnostics;
using KubeKey.Testing;

namespace KubeKey.Browser.System.Tests;

public sealed class ProcessBrowserLauncherTests : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(500);
    private static readonly Uri LoginUrl = new("http://127.0.0.1:38123/?state=SECRETSTATE42&x=1");

    private readonly ScriptBrowsers _scripts = new();
    private readonly RecordingLog _log = new();

    public void Dispose() => _scripts.Dispose();

    [UnixFact]
    public async Task OpenAsync_BrowserVariable_PassesUrlAsOneArgumentAndKeepsOutputOffStdout()
    {
        var launcher = Launcher(browserVariable: _scripts.Recorder);

        var opened = await launcher.OpenAsync(LoginUrl, CancellationToken.None);

        Assert.True(opened);
        Assert.Equal([LoginUrl.AbsoluteUri], File.ReadAllLines(_scripts.ArgvFile));
        // Both lines reached us through the pipes, so neither was written to our stdout.
        await WaitForAsync(() => _log.AllText.Contains("recorder-stderr", StringComparison.Ordinal));
        Assert.Contains("debug: recorder: recorder-stdout <url>", _log.AllText, StringComparison.Ordinal);
        Assert.Contains("debug: recorder: recorder-stderr <url>", _log.AllText, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task OpenAsync_FailingAndMissingFirst_FallsThroughToTheNextCandidate()
    {
        var launcher = Launcher(browserVariable: $"{_scripts.Failing}:{_scripts.Missing}:{_scripts.Recorder}");

        var opened = await launcher.OpenAsync(LoginUrl, CancellationToken.None);

        Assert.True(opened);
        Assert.True(File.Exists(_scripts.ArgvFile));
        Assert.Contains("exit code 3", _log.AllText, StringComparison.Ordinal);
        Assert.Contains("Could not start $BROWSER (no-such-browser)", _log.AllText, StringComparison.Ordinal);
        Assert.Empty(_log.Warnings);
    }

    [UnixFact]
    public async Task OpenAsync_NothingStarts_ReturnsFalseWithoutThrowing()
    {
        var launcher = Launcher(browserVariable: $"{_scripts.Failing}:{_scripts.Missing}");

        var opened = await launcher.OpenAsync(LoginUrl, CancellationToken.None);

        Assert.False(opened);
        Assert.Contains("Could not open a browser; tried", _log.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NoCandidates_ReturnsFalse()
    {
        var launcher = new ProcessBrowserLauncher(new BrowserCommandPlanner(new FakeSystemProbe()), _log, Grace);

        var opened = await launcher.OpenAsync(LoginUrl, CancellationToken.None);

        Assert.False(opened);
        Assert.Contains("no display", _log.AllText, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task OpenAsync_LongRunningBrowser_ReturnsAfterTheGraceWithoutWaitingForIt()
    {
        var launcher = Launcher(command: $"'{_scripts.LongRunning}' {{url}}");
        var clock = Stopwatch.StartNew();

        var opened = await launcher.OpenAsync(LoginUrl, CancellationToken.None);

        Assert.True(opened);
        Assert.InRange(clock.Elapsed, Grace, TimeSpan.FromSeconds(10));
    }

    [UnixFact]
    public async Task OpenAsync_LauncherExitsLeavingBrowserRunning_ReturnsBeforeTheGrace()
    {
        var patient = new ProcessBrowserLauncher(
            new BrowserCommandPlanner(Probe(browserVariable: _scripts.Detaching)), _log, TimeSpan.FromSeconds(20));
        var clock = Stopwatch.StartNew();

        var opened = await patient.OpenAsync(LoginUrl, CancellationToken.None);

        Assert.True(opened);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [UnixFact]
    public async Task OpenAsync_ConfiguredCommandMissing_WarnsOnceAndTriesNothingElse()
    {
        var launcher = Launcher(command: $"{_scripts.Missing} {{url}}", browserVariable: _scripts.Recorder);

        var opened = await launcher.OpenAsync(LoginUrl, CancellationToken.None);

        Assert.False(opened);
        var warning = Assert.Single(_log.Warnings);
        Assert.Contains("Check the browser command from the command setting", warning, StringComparison.Ordinal);
        Assert.False(File.Exists(_scripts.ArgvFile));
    }

    [Fact]
    public async Task OpenAsync_MalformedCommand_WarnsAndReturnsFalse()
    {
        var launcher = Launcher(command: "firefox '{url}");

        var opened = await launcher.OpenAsync(LoginUrl, CancellationToken.None);

        Assert.False(opened);
        Assert.Contains("unclosed ' quote", Assert.Single(_log.Warnings), StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task OpenAsync_AnyOutcome_NeverLogsTheUrl()
    {
        var launcher = Launcher(browserVariable: $"{_scripts.Failing}:{_scripts.Missing}:{_scripts.Recorder}");

        await launcher.OpenAsync(LoginUrl, CancellationToken.None);
        await WaitForAsync(() => _log.AllText.Contains("recorder-stderr", StringComparison.Ordinal));

        Assert.DoesNotContain("SECRETSTATE42", _log.AllText, StringComparison.Ordinal);
    }

    private ProcessBrowserLauncher Launcher(string? command = null, string? browserVariable = null) =>
        new(new BrowserCommandPlanner(Probe(command, browserVariable)), _log, Grace);

    private static FakeSystemProbe Probe(string? command = null, string? browserVariable = null)
    {
        var probe = new FakeSystemProbe();
        if (command is not null)
        {
            probe.Settings["command"] = command;
        }

        if (browserVariable is not null)
        {
            probe.Environment["BROWSER"] = browserVariable;
        }

        return probe;
    }

    // Output is copied as it arrives, after OpenAsync may have returned.
    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition() && !timeout.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
