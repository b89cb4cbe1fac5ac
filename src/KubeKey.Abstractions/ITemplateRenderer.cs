namespace KubeKey.Abstractions;

/// <summary>Renders the pages shown in the browser after a login (the <c>templates</c> slot).</summary>
public interface ITemplateRenderer
{
    /// <summary>
    /// Renders <paramref name="page"/> from the first template found in
    /// <see cref="IPluginContext.TemplateDirectories"/>, else from the built-in one.
    /// Every value from <paramref name="model"/> is HTML-escaped.
    /// </summary>
    /// <returns>A complete HTML document.</returns>
    /// <remarks>
    /// A custom template that fails to parse or render falls back to the built-in page with a
    /// warning; this method does not throw for a broken template.
    /// </remarks>
    string Render(TemplatePage page, TemplateModel model);
}
