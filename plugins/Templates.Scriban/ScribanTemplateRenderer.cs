using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using KubeKey.Abstractions;
using Scriban;
using Scriban.Runtime;

namespace KubeKey.Templates.Scriban;

/// <summary>
/// Renders the login pages with Scriban: a person's own template from the first template
/// folder that holds one, else the default compiled into the plugin. It can also write those
/// defaults out, for <c>kubekey templates dump DIR</c>.
/// </summary>
internal sealed partial class ScribanTemplateRenderer : ITemplateRenderer, ITemplateSource
{
    // A template is the person's own code running inside the login: bound its time and size.
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(2);
    private const int OutputLimit = 1024 * 1024;

    private static readonly ConcurrentDictionary<TemplatePage, Template> Defaults = new();

    private readonly IReadOnlyList<string> _directories;
    private readonly IPluginLog _log;
    private readonly TimeProvider _time;

    public ScribanTemplateRenderer(IReadOnlyList<string> directories, IPluginLog log, TimeProvider time)
    {
        _directories = directories;
        _log = log;
        _time = time;
    }

    public string Render(TemplatePage page, TemplateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var values = TemplateValues.Create(model, _time);

        var path = FindCustom(DefaultTemplates.FileName(page));
        if (path is not null)
        {
            var problem = TryRenderCustom(path, values, out var html);
            if (problem is null)
            {
                _log.Debug($"Rendered the {page} page from {path}.");
                return html!;
            }

            _log.Warning(
                $"The template {path} could not be used ({problem}); showing the built-in page instead. "
                + "Fix the template, or start again from `kubekey templates dump DIR`.");
        }

        return Run(Defaults.GetOrAdd(page, ParseDefault), values);
    }

    public IReadOnlyList<string> DumpDefaults(string directory) =>
        ScribanTemplatePlugin.DumpDefaults(directory);

    private string? FindCustom(string fileName)
    {
        foreach (var directory in _directories)
        {
            if (string.IsNullOrWhiteSpace(directory))
            {
                continue;
            }

            var path = Path.Combine(directory, fileName);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    // Returns why the template could not be used, or null with the page in `html`.
    private static string? TryRenderCustom(string path, ScriptObject values, out string? html)
    {
        html = null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"it cannot be read: {e.Message}";
        }

        var template = Template.Parse(text, path);
        if (template.HasErrors)
        {
            var messages = template.Messages.Take(3).Select(m => Locate(m.ToString(), path));
            return "it does not parse: " + string.Join("; ", messages);
        }

        try
        {
            html = Run(template, values);
            return null;
        }
        catch (Exception e)
        {
            // Whatever a broken template throws, the login has succeeded or failed already and
            // the person still deserves a page.
            return "rendering failed " + Locate(e.Message, path);
        }
    }

    // Scriban writes "<path>(line,column) : error : text"; the warning names the path already.
    private static string Locate(string message, string path)
    {
        var match = ScribanMessage().Match(message.StartsWith(path, StringComparison.Ordinal)
            ? message[path.Length..]
            : message);
        if (!match.Success)
        {
            return message;
        }

        var groups = match.Groups;
        return $"at line {groups["line"].Value}, column {groups["column"].Value}: {groups["text"].Value}";
    }

    private static string Run(Template template, ScriptObject values)
    {
        using var timeout = new CancellationTokenSource(RenderTimeout);
        var context = new TemplateContext
        {
            // A misspelt variable in a custom template is reported instead of rendering blank.
            StrictVariables = true,
            OutputLimit = OutputLimit,
            RegexTimeOut = RenderTimeout,
            CancellationToken = timeout.Token,
        };
        context.PushGlobal(values);
        return template.Render(context);
    }

    [GeneratedRegex(@"^\((?<line>\d+),(?<column>\d+)\)\s*:\s*\w+\s*:\s*(?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex ScribanMessage();

    private static Template ParseDefault(TemplatePage page)
    {
        var template = Template.Parse(DefaultTemplates.Read(page), DefaultTemplates.FileName(page));
        return template.HasErrors
            ? throw new InvalidOperationException(
                $"The built-in {page} template does not parse: {string.Join("; ", template.Messages)}")
            : template;
    }
}
