using KubeKey.Abstractions;

namespace KubeKey.Templates.Scriban;

/// <summary>The template file names and the default templates compiled into this assembly.</summary>
internal static class DefaultTemplates
{
    /// <summary>The success page's file name, the same as the original kubekey's.</summary>
    public const string SuccessFileName = "html_ok.tmpl";

    /// <summary>The failure page's file name, the same as the original kubekey's.</summary>
    public const string FailureFileName = "html_fail.tmpl";

    /// <summary>Every page, in the order <c>templates dump</c> writes them.</summary>
    public static IReadOnlyList<TemplatePage> Pages { get; } = [TemplatePage.Success, TemplatePage.Failure];

    /// <summary>The file a page's template is stored in.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="page"/> is not a known page.</exception>
    public static string FileName(TemplatePage page) => page switch
    {
        TemplatePage.Success => SuccessFileName,
        TemplatePage.Failure => FailureFileName,
        _ => throw new ArgumentOutOfRangeException(nameof(page), page, "There is no template for this page."),
    };

    /// <summary>The text of the default template for <paramref name="page"/>.</summary>
    public static string Read(TemplatePage page)
    {
        // The project file names the resources "KubeKey.Templates.<file name>".
        var resource = "KubeKey.Templates." + FileName(page);
        using var stream = typeof(DefaultTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The built-in template {resource} is missing from the plugin.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
