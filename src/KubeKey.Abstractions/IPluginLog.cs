namespace KubeKey.Abstractions;

/// <summary>
/// kubekey's log, as a plugin sees it. Everything goes to stderr or the log file, never stdout.
/// Messages must never contain tokens, codes, keys or other secrets.
/// </summary>
public interface IPluginLog
{
    /// <summary>Detail for troubleshooting, shown at debug verbosity.</summary>
    void Debug(string message);

    /// <summary>A step of the flow, shown with <c>-v</c>.</summary>
    void Information(string message);

    /// <summary>Something the person should know about, shown by default.</summary>
    void Warning(string message);
}
