using System.Runtime.Versioning;
using KubeKey.Abstractions;
using KubeKey.Host.Plugins;
using KubeKey.Testing;
using Serilog.Core;

namespace KubeKey.Host.Tests.Plugins;

public sealed class FallbackNoticeTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _cacheFolder;

    public FallbackNoticeTests()
    {
        _cacheFolder = _temp.Combine("cache", "kubekey");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Apply_FellBackTwice_SaysOneLineOnlyTheFirstTime()
    {
        var first = new StringWriter();
        var second = new StringWriter();

        Notice(first).Apply(FellBack());
        Notice(second).Apply(FellBack());

        var line = Assert.Single(first.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(
            "kubekey: note: the secretservice token cache cannot work here",
            line,
            StringComparison.Ordinal);
        Assert.Contains("kubekey doctor", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, second.ToString());
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Apply_FellBack_CreatesThePrivateFolderAndMarker()
    {
        Notice(new StringWriter()).Apply(FellBack());

        var marker = Path.Combine(_cacheFolder, FallbackNotice.MarkerName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(marker));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(_cacheFolder));
    }

    [Fact]
    public void Apply_FirstChoiceWorksAgain_ForgetsSoTheNextFallBackIsToldToo()
    {
        var again = new StringWriter();
        Notice(new StringWriter()).Apply(FellBack());

        Notice(new StringWriter()).Apply(Selection([]));
        Notice(again).Apply(FellBack());

        Assert.Contains("kubekey: note:", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_KeyringNotInstalled_SaysNothingAndWritesNoMarker()
    {
        var stderr = new StringWriter();

        Notice(stderr).Apply(Selection([new PassedOverBackend("secretservice", Installed: false, "Not installed.")]));

        Assert.Equal(string.Empty, stderr.ToString());
        Assert.False(File.Exists(Path.Combine(_cacheFolder, FallbackNotice.MarkerName)));
    }

    private FallbackNotice Notice(TextWriter stderr) => new(_cacheFolder, stderr, Logger.None);

    private static CacheSelection FellBack() =>
        Selection([new PassedOverBackend("secretservice", Installed: true, "No session bus was found.")]);

    private static CacheSelection Selection(IReadOnlyList<PassedOverBackend> passedOver) => new(
        new CacheBackend("file", new PluginMetadata("KubeKey.Cache.File", "1.0.0", PluginContract.Version, "", []),
            new FakeProbedCache(null, TimeSpan.Zero)),
        Explicit: false,
        passedOver);
}
