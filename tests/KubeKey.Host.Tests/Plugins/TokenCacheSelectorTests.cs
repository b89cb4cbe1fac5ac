using System.Diagnostics;
using KubeKey.Host.Plugins;
using Serilog.Core;

namespace KubeKey.Host.Tests.Plugins;

public sealed class TokenCacheSelectorTests
{
    private static readonly string[] LinuxOrder = ["secretservice", "file"];

    private readonly FakeCacheBackends _backends = new();

    [Fact]
    public async Task SelectAsync_NothingRequestedAndTheKeyringAnswers_TakesTheKeyring()
    {
        _backends.Install("secretservice");
        _backends.Install("file");

        var selection = await Selector().SelectAsync(null, default);

        Assert.Equal("secretservice", selection.Name);
        Assert.False(selection.Explicit);
        Assert.Empty(selection.PassedOver);
        Assert.False(selection.FellBack);
        Assert.Equal(["secretservice"], _backends.Opened);
    }

    [Fact]
    public async Task SelectAsync_NothingRequestedAndTheKeyringCannotWork_FallsBackToTheFileAndSaysWhy()
    {
        var keyring = _backends.Install("secretservice", "No session bus was found.");
        _backends.Install("file");

        var selection = await Selector().SelectAsync(null, default);

        Assert.Equal("file", selection.Name);
        Assert.True(selection.FellBack);
        var passed = Assert.Single(selection.PassedOver);
        Assert.Equal("secretservice", passed.Name);
        Assert.True(passed.Installed);
        Assert.Contains("No session bus was found", selection.Reason, StringComparison.Ordinal);
        Assert.True(keyring.Disposed);
    }

    [Fact]
    public async Task SelectAsync_NothingRequestedAndTheKeyringNotInstalled_TakesTheFileWithoutFallingBack()
    {
        _backends.Install("file");

        var selection = await Selector().SelectAsync(null, default);

        Assert.Equal("file", selection.Name);
        Assert.False(selection.FellBack);
        Assert.False(Assert.Single(selection.PassedOver).Installed);
    }

    [Fact]
    public async Task SelectAsync_KeyringProbeHangs_GivesUpWithinTheDeadlineAndFallsBack()
    {
        _backends.Install("secretservice", probeDelay: TimeSpan.FromMinutes(5));
        _backends.Install("file");
        var clock = Stopwatch.StartNew();

        var selection = await Selector().SelectAsync(null, default);

        Assert.Equal("file", selection.Name);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TokenCacheSelector.ProbeDeadline + TimeSpan.FromSeconds(3));
        Assert.Contains("did not say within", selection.PassedOver[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectAsync_ExplicitCacheThatWorks_UsesItWithoutTryingOthers()
    {
        _backends.Install("secretservice");
        _backends.Install("file");

        var selection = await Selector().SelectAsync("file", default);

        Assert.Equal("file", selection.Name);
        Assert.True(selection.Explicit);
        Assert.Equal(["file"], _backends.Opened);
    }

    [Fact]
    public async Task SelectAsync_ExplicitCacheThatCannotWork_FailsOnOneLineListingWhatWorks()
    {
        _backends.Install("secretservice", "No session bus was found.");
        _backends.Install("file");
        _backends.Install("other", "Not here either.");

        var error = await Assert.ThrowsAsync<PluginException>(() => Selector().SelectAsync("secretservice", default));

        Assert.Contains(
            "'secretservice' cannot work here: No session bus was found.",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("here: file;", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("other", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task SelectAsync_ExplicitCacheNotInstalled_FailsWithTheCatalogsMessage()
    {
        _backends.Install("file");

        var error = await Assert.ThrowsAsync<PluginException>(() => Selector().SelectAsync("mackeychain", default));

        Assert.Contains("'mackeychain'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectAsync_NothingWorks_FailsNamingEveryReason()
    {
        _backends.Install("secretservice", "No session bus was found.");

        var error = await Assert.ThrowsAsync<PluginException>(() => Selector().SelectAsync(null, default));

        Assert.Contains("No session bus was found", error.Message, StringComparison.Ordinal);
        Assert.Contains("file is not installed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SurveyAsync_MixedBackends_GivesEachItsProblemOrNull()
    {
        _backends.Install("secretservice", "No session bus was found.");
        _backends.Install("file");

        var survey = await Selector().SurveyAsync(default);

        Assert.Contains(("secretservice", "No session bus was found."), survey);
        Assert.Contains(("file", (string?)null), survey);
    }

    private TokenCacheSelector Selector() => new(_backends, LinuxOrder, Logger.None);
}
