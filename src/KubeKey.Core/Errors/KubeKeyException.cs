namespace KubeKey.Core.Errors;

/// <summary>
/// A failure the person at the terminal can act on. Its message is a full sentence that says
/// what failed, quotes the value, and says how to fix it; it never holds a secret. The top-level
/// handler prints it as <c>kubekey: error: …</c> and exits with <see cref="ExitCode"/>.
/// </summary>
public abstract class KubeKeyException : Exception
{
    protected KubeKeyException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The process exit code: 2 for bad input, 1 for everything else.</summary>
    public virtual int ExitCode => 1;
}
