using KubeKey.Abstractions;
using KubeKey.Testing;
using Moq;

namespace KubeKey.Templates.Scriban.Tests;

public sealed class ScribanTemplatePluginTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Metadata_Always_NamesThePluginForEveryPlatform()
    {
        var metadata = new ScribanTemplatePlugin().Metadata;

        Assert.Equal("KubeKey.Templates.Scriban", metadata.Name);
        Assert.Equal(typeof(ScribanTemplatePlugin).Assembly.GetName().Name, metadata.Name);
        Assert.Equal(PluginContract.Version, metadata.ContractVersion);
        Assert.Empty(metadata.Platforms);
        Assert.DoesNotContain("+", metadata.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_Always_FillsOnlyTheTemplateSlotWithARendererOverTheContextFolders()
    {
        var registry = new Mock<IPluginRegistry>(MockBehavior.Strict);
        Func<IPluginContext, ITemplateRenderer>? factory = null;
        registry.Setup(r => r.AddTemplateRenderer(It.IsAny<Func<IPluginContext, ITemplateRenderer>>()))
            .Callback<Func<IPluginContext, ITemplateRenderer>>(f => factory = f);
        var folder = _temp.Combine("custom");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "html_fail.tmpl"), "custom {{ error }}");
        var context = new FakePluginContext(_temp.Path) { TemplateDirectories = [folder] };

        new ScribanTemplatePlugin().Register(registry.Object);
        var html = factory!(context).Render(TemplatePage.Failure, new TemplateModel { Error = "x" });

        registry.Verify(r => r.AddTemplateRenderer(It.IsAny<Func<IPluginContext, ITemplateRenderer>>()), Times.Once);
        Assert.Equal("custom x", html);
    }

    [Fact]
    public void DumpDefaults_NewFolder_CreatesItAndWritesTheRepositoryTemplates()
    {
        var target = _temp.Combine("a", "b");

        var paths = ScribanTemplatePlugin.DumpDefaults(target);

        Assert.Equal(
            [Path.Combine(target, "html_ok.tmpl"), Path.Combine(target, "html_fail.tmpl")],
            paths);
        Assert.Equal(File.ReadAllText(RepositoryFiles.Find("templates/html_ok.tmpl")), File.ReadAllText(paths[0]));
        Assert.Equal(File.ReadAllText(RepositoryFiles.Find("templates/html_fail.tmpl")), File.ReadAllText(paths[1]));
    }

    [Fact]
    public void DumpDefaults_DumpedFilesAsCustomTemplates_RenderLikeTheBuiltInOnes()
    {
        var target = _temp.Combine("dumped");
        ScribanTemplatePlugin.DumpDefaults(target);
        var log = new RecordingLog();
        var time = new FixedTimeProvider(Models.Now);

        var custom = new ScribanTemplateRenderer([target], log, time).Render(TemplatePage.Success, Models.Complete());
        var builtIn = new ScribanTemplateRenderer([], log, time).Render(TemplatePage.Success, Models.Complete());

        Assert.Equal(builtIn, custom);
        Assert.Empty(log.Warnings);
        Assert.Contains("Rendered the Success page from", log.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void DumpDefaults_FileExists_RefusesAndLeavesEverythingAsItWas()
    {
        var target = _temp.Combine("existing");
        Directory.CreateDirectory(target);
        var failPath = Path.Combine(target, "html_fail.tmpl");
        File.WriteAllText(failPath, "mine");

        var error = Assert.Throws<IOException>(() => ScribanTemplatePlugin.DumpDefaults(target));

        Assert.Contains(failPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("never overwrites", error.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(failPath));
        Assert.False(File.Exists(Path.Combine(target, "html_ok.tmpl")));
    }

    [Fact]
    public void DumpDefaults_SecondRun_Refuses()
    {
        var target = _temp.Combine("twice");
        ScribanTemplatePlugin.DumpDefaults(target);

        var error = Assert.Throws<IOException>(() => ScribanTemplatePlugin.DumpDefaults(target));

        Assert.Contains("html_ok.tmpl already exists", error.Message, StringComparison.Ordinal);
    }
}
