using KubeKey.Core.Errors;
using KubeKey.Host.Cli;

namespace KubeKey.Host.Errors;

/// <summary>The <c>templates</c> verb was used wrongly, or could not write the templates.</summary>
internal sealed class TemplatesException : KubeKeyException
{
    private readonly int _exitCode;

    private TemplatesException(string message, int exitCode, Exception? innerException = null)
        : base(message, innerException)
    {
        _exitCode = exitCode;
    }

    public override int ExitCode => _exitCode;

    public static TemplatesException MissingAction() =>
        new($"The templates verb needs an action and a folder. Usage: {TemplatesOptions.Usage}", 2);

    public static TemplatesException UnknownAction(string action) =>
        new($"'{action}' is not a templates action; the only one is dump. "
            + $"Usage: {TemplatesOptions.Usage}", 2);

    public static TemplatesException MissingDirectory() =>
        new($"templates dump needs the folder to write to. Usage: {TemplatesOptions.Usage}", 2);

    public static TemplatesException CannotDump(string plugin) =>
        new($"The templates plugin '{plugin}' cannot write out its default templates. Take them from the "
            + "plugin's documentation, or pass --templates KubeKey.Templates.Scriban for kubekey's own.", 2);

    public static TemplatesException DumpFailed(string directory, Exception inner) =>
        new($"The templates could not be written to '{directory}': {inner.Message}", 1, inner);
}
