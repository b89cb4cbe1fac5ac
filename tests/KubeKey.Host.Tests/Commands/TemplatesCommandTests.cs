using KubeKey.Testing;

namespace KubeKey.Host.Tests.Commands;

/// <summary>
/// <c>kubekey templates dump DIR</c> through the whole host, with the real Scriban plugin
/// installed in the plugins folder and loaded through the catalog.
/// </summary>
public sealed class TemplatesCommandTests : IDisposable
{
    private const string Usage = "Usage: kubekey templates dump DIR";

    private readonly HostHarness _host = new();

    public TemplatesCommandTests()
    {
        RepositoryLayout.InstallPlugin(
            "plugins/Templates.Scriban", "KubeKey.Templates.Scriban", _host.PluginsRoot);
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Run_DumpIntoAnEmptyFolder_WritesTheDefaultsAndNothingOnStdout()
    {
        var folder = _host.Combine("custom");
        Directory.CreateDirectory(folder);

        var exitCode = await _host.RunAsync("templates", "dump", folder);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, _host.Stdout);
        Assert.Equal(
            [
                $"kubekey: wrote {Path.Combine(folder, "html_ok.tmpl")}",
                $"kubekey: wrote {Path.Combine(folder, "html_fail.tmpl")}",
            ],
            Lines(_host.Stderr));
        foreach (var name in new[] { "html_ok.tmpl", "html_fail.tmpl" })
        {
            Assert.Equal(Default(name), await File.ReadAllTextAsync(Path.Combine(folder, name)));
        }
    }

    [Fact]
    public async Task Run_DumpIntoAFolderWithTheFiles_FailsOnOneLineAndOverwritesNothing()
    {
        var folder = _host.Combine("custom");
        await _host.RunAsync("templates", "dump", folder);
        var edited = Path.Combine(folder, "html_ok.tmpl");
        await File.WriteAllTextAsync(edited, "my own page");

        var exitCode = await _host.RunAsync("templates", "dump", folder);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, _host.Stdout);
        var line = Assert.Single(Lines(_host.Stderr));
        Assert.StartsWith(
            $"kubekey: error: The templates could not be written to '{folder}'", line, StringComparison.Ordinal);
        Assert.Contains($"{edited} already exists", line, StringComparison.Ordinal);
        Assert.Equal("my own page", await File.ReadAllTextAsync(edited));
        var untouched = Path.Combine(folder, "html_fail.tmpl");
        Assert.Equal(Default("html_fail.tmpl"), await File.ReadAllTextAsync(untouched));
    }

    [Fact]
    public async Task Run_OneFileExists_WritesNeitherFile()
    {
        var folder = _host.Combine("custom");
        Directory.CreateDirectory(folder);
        var own = Path.Combine(folder, "html_fail.tmpl");
        await File.WriteAllTextAsync(own, "my own page");

        var exitCode = await _host.RunAsync("templates", "dump", folder);

        Assert.Equal(1, exitCode);
        Assert.False(File.Exists(Path.Combine(folder, "html_ok.tmpl")));
        Assert.Equal("my own page", await File.ReadAllTextAsync(own));
    }

    [Theory]
    [InlineData(
        new[] { "templates", "list", "/tmp/x" }, "'list' is not a templates action; the only one is dump.")]
    [InlineData(new[] { "templates", "dump" }, "templates dump needs the folder to write to.")]
    [InlineData(new[] { "templates" }, "The templates verb needs an action and a folder.")]
    public async Task Run_WrongUse_FailsWithTheUsageLine(string[] args, string expected)
    {
        var exitCode = await _host.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, _host.Stdout);
        Assert.Equal($"kubekey: error: {expected} {Usage}", Assert.Single(Lines(_host.Stderr)));
    }

    [Fact]
    public async Task Run_UnknownTemplatesPlugin_ListsWhatIsAvailable()
    {
        var folder = _host.Combine("custom");

        var exitCode = await _host.RunAsync("templates", "dump", folder, "--templates", "jinja");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(_host.Stderr));
        Assert.Contains("No template plugin named 'jinja'", line, StringComparison.Ordinal);
        Assert.Contains("scriban", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    private static string Default(string name) =>
        File.ReadAllText(Path.Combine(RepositoryLayout.Root, "templates", name));

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
