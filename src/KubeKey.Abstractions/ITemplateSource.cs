namespace KubeKey.Abstractions;

/// <summary>
/// An optional capability of an <see cref="ITemplateRenderer"/>: writing out its default
/// templates as the starting point for custom pages (<c>kubekey templates dump DIR</c>).
/// kubekey looks for it on the renderer a templates plugin registers; a renderer without it
/// works for logins all the same, and <c>templates dump</c> says that plugin cannot dump.
/// </summary>
public interface ITemplateSource
{
    /// <summary>
    /// Writes the default template of every page into <paramref name="directory"/>, under the
    /// file names the renderer looks for there.
    /// </summary>
    /// <param name="directory">The folder to write to; created when missing.</param>
    /// <returns>The full paths of the files written, in the order written; never empty.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="directory"/> is null, empty or blank.
    /// </exception>
    /// <exception cref="IOException">
    /// A file of one of those names exists already: no file is ever overwritten, and nothing is
    /// written when one is found before writing starts. The message names the file and can be
    /// shown to the person as it is. Also thrown when the folder cannot be created or written.
    /// </exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written to.</exception>
    IReadOnlyList<string> DumpDefaults(string directory);
}
