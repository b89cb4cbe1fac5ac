using KubeKey.EndToEnd.Tests.Support;

namespace KubeKey.EndToEnd.Tests.Kubectl;

/// <summary>The login's options, each through a real login: redirect host, no browser, custom pages.</summary>
public sealed class LoginOptionsTests
{
    [Fact]
    public async Task Kubectl_LocalhostRedirectHost_LogsInThroughLocalhost()
    {
        await using var world = await LoginWorld.StartAsync();

        var result = await world.KubectlAsync(world.FlagsKubeconfig("--oidc-redirect-url-hostname=localhost"));
        var page = await world.Browser.WaitForPageAsync();

        Assert.True(result.ExitCode == 0, result + world.Browser.Stderr);
        Assert.Contains("visit: http://localhost:", result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost:", page.Url, StringComparison.Ordinal);
        Assert.Single(world.Server.AcceptedTokens);
    }

    [Fact]
    public async Task GetToken_SkipOpenBrowser_PrintsTheAddressAndStartsNoBrowser()
    {
        await using var world = await LoginWorld.StartAsync();

        var result = await world.KubeKeyAsync(world.FlagArgs("--skip-open-browser", "--authentication-timeout-sec=2"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"to log in at {world.Provider.Issuer}, open http://127.0.0.1:", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(world.Browser.Invocations());
    }

    [Fact]
    public async Task Kubectl_OriginalTemplateDirectory_PageRenderedFromTheCustomTemplate()
    {
        await using var world = await LoginWorld.StartAsync();
        var templates = Directory.CreateDirectory(world.KubeKey.Combine("templates")).FullName;
        File.WriteAllText(
            Path.Combine(templates, "html_ok.tmpl"),
            "<!DOCTYPE html><html><body><p>Welcome aboard, {{ name }}.</p></body></html>");

        var result = await world.KubectlAsync(
            world.FlagsKubeconfig(), new Dictionary<string, string> { ["KUBEKEY_TEMPLATEDIR"] = templates });
        var page = await world.Browser.WaitForPageAsync();

        Assert.True(result.ExitCode == 0, result + world.Browser.Stderr);
        Assert.Equal("Welcome aboard, Alice Example.", page.Text?.Trim());
    }

    [Fact]
    public async Task Kubectl_BrokenCustomTemplate_LoginSucceedsWithTheDefaultPageAndAWarning()
    {
        await using var world = await LoginWorld.StartAsync();
        var templates = Directory.CreateDirectory(world.KubeKey.Combine("broken-templates")).FullName;
        File.WriteAllText(Path.Combine(templates, "html_ok.tmpl"), "<p>{{ if name }}never closed</p>");

        var result = await world.KubectlAsync(
            world.FlagsKubeconfig(), new Dictionary<string, string> { ["KUBEKEY_TEMPLATEDIR"] = templates });
        var page = await world.Browser.WaitForPageAsync();

        Assert.True(result.ExitCode == 0, result + world.Browser.Stderr);
        Assert.Contains("You are logged in", page.Text, StringComparison.Ordinal);
        Assert.Contains("kubekey: warning:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("html_ok.tmpl", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_HttpsProviderWithAPrivateCa_LogsInOnceTheCaIsTrusted()
    {
        await using var world = await LoginWorld.StartAsync(new OidcProviderOptions { Https = true });
        var caFile = world.Provider.CaFile!;
        var caData = Convert.ToBase64String(File.ReadAllBytes(caFile));

        var untrusted = await world.KubeKeyAsync(world.FlagArgs());
        var fromFile = await world.KubectlAsync(world.FlagsKubeconfig($"--certificate-authority={caFile}"));
        var fromData = await world.KubeKeyAsync(
            world.FlagArgs($"--certificate-authority-data={caData}", "--force-refresh"));

        Assert.StartsWith("https://127.0.0.1:", world.Provider.Issuer, StringComparison.Ordinal);
        Assert.Equal(1, untrusted.ExitCode);
        Assert.Contains(
            $"The provider {world.Provider.Issuer} could not be reached", untrusted.Stderr, StringComparison.Ordinal);
        Assert.True(fromFile.ExitCode == 0, fromFile + world.Browser.Stderr);
        Assert.True(fromData.ExitCode == 0, fromData.ToString());
        Assert.Single(world.Browser.Invocations());
    }
}
