using System.Reflection;
using KubeKey.Abstractions;

namespace KubeKey.Templates.Scriban;

/// <summary>
/// The plugin that renders the pages shown in the browser after a login, with the Scriban
/// template engine. Templates are looked up by file name (<c>html_ok.tmpl</c>,
/// <c>html_fail.tmpl</c>) in the configured template folders, first match wins, then the
/// defaults compiled in. Every value a template sees is HTML-escaped already.
/// </summary>
public sealed class ScribanTemplatePlugin : IKubeKeyPlugin
{
    /// <summary>The plugin's name, equal to its folder and assembly name.</summary>
    public const string PluginName = "KubeKey.Templates.Scriban";

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = new(
        PluginName,
        ReadVersion(),
        PluginContract.Version,
        "Renders the login pages from Scriban templates.",
        []);

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddTemplateRenderer(
            context => new ScribanTemplateRenderer(context.TemplateDirectories, context.Log, TimeProvider.System));
    }

    /// <summary>
    /// Writes the default templates into <paramref name="directory"/>, as a starting point for
    /// custom pages (<c>kubekey templates dump DIR</c>).
    /// </summary>
    /// <param name="directory">The folder to write to; created when missing.</param>
    /// <returns>The full paths of the files written, success page first.</returns>
    /// <exception cref="IOException">
    /// One of the files exists already; nothing is overwritten, and nothing is written when a
    /// file is found there before writing starts. Also thrown when the folder cannot be written.
    /// </exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written to.</exception>
    public static IReadOnlyList<string> DumpDefaults(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var targets = DefaultTemplates.Pages
            .Select(page => (Page: page, Path: Path.GetFullPath(
                Path.Combine(directory, DefaultTemplates.FileName(page)))))
            .ToList();
        var existing = targets.FirstOrDefault(t => File.Exists(t.Path));
        if (existing.Path is not null)
        {
            throw AlreadyExists(existing.Path);
        }

        Directory.CreateDirectory(directory);
        foreach (var (page, path) in targets)
        {
            try
            {
                // CreateNew, so a file that appeared meanwhile is still never overwritten.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(DefaultTemplates.Read(page));
            }
            catch (IOException e) when (File.Exists(path))
            {
                throw AlreadyExists(path, e);
            }
        }

        return targets.Select(t => t.Path).ToList();
    }

    private static IOException AlreadyExists(string path, Exception? inner = null) =>
        new($"The file {path} already exists; move it away or dump into another folder, "
            + "templates dump never overwrites a template.", inner);

    private static string ReadVersion()
    {
        var version = typeof(ScribanTemplatePlugin).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

        // The SDK appends "+<commit>"; the plugin's version is the part before it.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
