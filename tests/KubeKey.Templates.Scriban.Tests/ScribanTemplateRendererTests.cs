using System.Text.RegularExpressions;
using KubeKey.Abstractions;
using KubeKey.Testing;

namespace KubeKey.Templates.Scriban.Tests;

public sealed partial class ScribanTemplateRendererTests : IDisposable
{
    private const string EveryVariable =
        "{{ name }}|{{ email }}|{{ preferred_username }}|{{ display_name }}|{{ picture }}|{{ issuer }}|"
        + "{{ expires_at }}|{{ expires_at_human }}|{{ expires_in }}|{{ error }}|{{ error_description }}|"
        + "{{ cluster_server }}";

    private readonly TempDirectory _temp = new();
    private readonly RecordingLog _log = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Render_SuccessDefault_ShowsWhoWhereAndUntilWhen()
    {
        var renderer = Renderer();

        var html = renderer.Render(TemplatePage.Success, Models.Complete());

        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
        Assert.Contains(
            "You are logged in to <strong>https://issuer.example</strong> as <strong>Jane Doe</strong> "
            + "(jane@example.com).",
            html,
            StringComparison.Ordinal);
        Assert.Contains(
            "<time datetime=\"2026-01-02T14:05:00Z\">Friday 2 January 2026, 14:05 (UTC)</time>\n    (in 1 hour).",
            html,
            StringComparison.Ordinal);
        Assert.Contains("<code>https://k8s.example:6443</code>", html, StringComparison.Ordinal);
        Assert.Contains("You can close this window and return to your terminal.", html, StringComparison.Ordinal);
        Assert.Empty(_log.Warnings);
    }

    [Fact]
    public void Render_SuccessDefaultWithOnlyAnEmail_NamesTheEmailOnce()
    {
        var renderer = Renderer();

        var html = renderer.Render(TemplatePage.Success, new TemplateModel { Email = "jane@example.com" });

        Assert.Contains("You are logged in as <strong>jane@example.com</strong>.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<time", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailureDefault_ShowsErrorAndDescription()
    {
        var renderer = Renderer();

        var html = renderer.Render(TemplatePage.Failure, Models.Complete());

        Assert.Contains(
            "could not log you in at <strong>https://issuer.example</strong>.", html, StringComparison.Ordinal);
        Assert.Contains("<dd><code>access_denied</code></dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>The user declined consent.</dd>", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("You can close this window and return to your terminal", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailureDefaultWithoutDetails_LeavesOutTheList()
    {
        var renderer = Renderer();

        var html = renderer.Render(TemplatePage.Failure, new TemplateModel());

        Assert.Contains("kubekey could not log you in.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<dl>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TemplatePage.Success)]
    [InlineData(TemplatePage.Failure)]
    public void Render_HostileValuesInDefault_AppearOnlyEscaped(TemplatePage page)
    {
        var renderer = Renderer();

        var html = renderer.Render(page, Models.HostileEverywhere());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"'&", html, StringComparison.Ordinal);
        Assert.Contains(Models.HostileEscaped + "issuer", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileValuesInCustomTemplate_AppearOnlyEscaped()
    {
        var directory = WriteTemplate("custom", DefaultTemplates.SuccessFileName, EveryVariable);
        var renderer = Renderer(directory);

        var html = renderer.Render(TemplatePage.Success, Models.HostileEverywhere());

        var fields = html.Split('|');
        Assert.Equal(TemplateValues.Names.Count, fields.Length);
        Assert.All(fields.Where(f => f.Length > 0 && !f.StartsWith("20", StringComparison.Ordinal)
                                     && !f.StartsWith("Friday", StringComparison.Ordinal)
                                     && !f.StartsWith("in ", StringComparison.Ordinal)),
            f => Assert.StartsWith(Models.HostileEscaped, f, StringComparison.Ordinal));
        Assert.DoesNotContain("<", html, StringComparison.Ordinal);
        Assert.Empty(_log.Warnings);
    }

    [Theory]
    [InlineData(TemplatePage.Success)]
    [InlineData(TemplatePage.Failure)]
    public void Render_DefaultPages_LoadNothingFromAnywhere(TemplatePage page)
    {
        var renderer = Renderer();

        var html = renderer.Render(page, Models.Complete());

        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotMatch(LoadingElement(), html);
        Assert.DoesNotContain("images.example", html, StringComparison.Ordinal);
        Assert.Contains(
            "content=\"default-src 'none'; style-src 'unsafe-inline'\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CustomTemplateInFirstDirectory_WinsOverLaterOnesAndTheDefault()
    {
        var first = WriteTemplate("first", DefaultTemplates.SuccessFileName, "first {{ name }}");
        var second = WriteTemplate("second", DefaultTemplates.SuccessFileName, "second {{ name }}");
        var renderer = Renderer(_temp.Combine("missing"), first, second);

        var html = renderer.Render(TemplatePage.Success, Models.Complete());

        Assert.Equal("first Jane Doe", html);
    }

    [Fact]
    public void Render_FileOnlyInLaterDirectory_IsFoundThere()
    {
        var first = WriteTemplate("first", DefaultTemplates.FailureFileName, "first failure");
        var second = WriteTemplate("second", DefaultTemplates.SuccessFileName, "second {{ email }}");
        var renderer = Renderer(first, second);

        var success = renderer.Render(TemplatePage.Success, Models.Complete());
        var failure = renderer.Render(TemplatePage.Failure, Models.Complete());

        Assert.Equal("second jane@example.com", success);
        Assert.Equal("first failure", failure);
    }

    [Fact]
    public void Render_NoCustomTemplate_UsesTheDefault()
    {
        var other = WriteTemplate("other", DefaultTemplates.FailureFileName, "custom failure");
        var renderer = Renderer(other);

        var html = renderer.Render(TemplatePage.Success, Models.Complete());

        Assert.Equal(Renderer().Render(TemplatePage.Success, Models.Complete()), html);
    }

    [Theory]
    [InlineData("{{ if name }}never closed")]
    [InlineData("{{ for x in }}{{ end }}")]
    [InlineData("{{ nmae }}")]
    [InlineData("{{ no_such_function 1 }}")]
    [InlineData("{{ while true }}x{{ end }}")]
    [InlineData("{{ include 'other.tmpl' }}")]
    [InlineData("{{ issuer.foo.bar }}")]
    [InlineData("{{ name[99999999999999] }}")]
    public void Render_BrokenCustomTemplate_FallsBackWithExactlyOneWarning(string broken)
    {
        var directory = WriteTemplate("broken", DefaultTemplates.SuccessFileName, broken);
        var renderer = Renderer(directory);

        var html = renderer.Render(TemplatePage.Success, Models.Complete());

        Assert.Equal(Renderer().Render(TemplatePage.Success, Models.Complete()), html);
        var warning = Assert.Single(_log.Warnings);
        Assert.Contains(Path.Combine(directory, DefaultTemplates.SuccessFileName), warning, StringComparison.Ordinal);
        Assert.Contains("showing the built-in page instead", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ issuer.foo.bar }}")]
    [InlineData("{{ name[99999999999999] }}")]
    [InlineData("{{ for c in error_description }}{{ c.x.y }}{{ end }}")]
    public void Render_BrokenTemplateUsingValues_WarnsWithoutRepeatingThem(string broken)
    {
        var directory = WriteTemplate("broken", DefaultTemplates.SuccessFileName, broken);
        var renderer = Renderer(directory);

        renderer.Render(TemplatePage.Success, Models.Complete());

        var warning = Assert.Single(_log.Warnings);
        Assert.Matches(@"at line 1, column \d+: ", warning);
        Assert.DoesNotContain("Jane", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("issuer.example", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("declined", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FolderNamedLikeTheTemplate_IsNotTakenForIt()
    {
        var directory = _temp.Combine("unreadable");
        Directory.CreateDirectory(Path.Combine(directory, DefaultTemplates.SuccessFileName));
        var renderer = Renderer(directory);

        var html = renderer.Render(TemplatePage.Success, Models.Complete());

        Assert.Contains("You are logged in", html, StringComparison.Ordinal);
        Assert.Empty(_log.Warnings);
    }

    [Fact]
    public void Render_ExamplesFromTheDocs_RenderWithoutWarnings()
    {
        var examples = HtmlBlock().Matches(File.ReadAllText(RepositoryFiles.Find("docs/templates.md")))
            .Select(m => m.Groups["body"].Value)
            .ToList();
        var directory = WriteTemplate("docs", DefaultTemplates.SuccessFileName, examples[0]);
        File.WriteAllText(Path.Combine(directory, DefaultTemplates.FailureFileName), examples[1]);
        var renderer = Renderer(directory);

        var success = renderer.Render(TemplatePage.Success, Models.Complete());
        var failure = renderer.Render(TemplatePage.Failure, new TemplateModel { ErrorDescription = "x" });

        Assert.Equal(2, examples.Count);
        Assert.Empty(_log.Warnings);
        Assert.Contains("Welcome back, Jane Doe</h1>", success, StringComparison.Ordinal);
        Assert.Contains("<code>https://k8s.example:6443</code>", success, StringComparison.Ordinal);
        Assert.Contains("unknown_error: x</p>", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void DumpDefaults_AsATemplateSource_WritesTheDefaultsTheRendererFallsBackTo()
    {
        ITemplateSource source = Renderer();
        var target = _temp.Combine("dump");

        var paths = source.DumpDefaults(target);

        Assert.Equal([Path.Combine(target, "html_ok.tmpl"), Path.Combine(target, "html_fail.tmpl")], paths);
        Assert.Equal(
            Renderer().Render(TemplatePage.Success, Models.Complete()),
            Renderer(target).Render(TemplatePage.Success, Models.Complete()));
    }

    private ScribanTemplateRenderer Renderer(params string[] directories) =>
        new(directories, _log, new FixedTimeProvider(Models.Now));

    private string WriteTemplate(string folder, string fileName, string text)
    {
        var directory = _temp.Combine(folder);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, fileName), text);
        return directory;
    }

    [GeneratedRegex("```html\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex HtmlBlock();

    // An attribute or CSS rule that would make the browser fetch something.
    [GeneratedRegex(
        @"(src|href|action|srcset|poster|data)\s*=\s*[""']?\s*(https?:)?//|url\(|@import",
        RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex(@"<\s*(img|link|script|iframe|object|embed|video|audio|source|form)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LoadingElement();
}
