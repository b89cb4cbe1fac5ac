namespace KubeKey.Core.Errors;

/// <summary>kubectl's <c>KUBERNETES_EXEC_INFO</c> cannot be understood.</summary>
public sealed class ExecInfoException : KubeKeyException
{
    private ExecInfoException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public override int ExitCode => 2;

    public static ExecInfoException Malformed(string detail, Exception? inner = null) =>
        new($"KUBERNETES_EXEC_INFO is not a valid ExecCredential: {detail}. It is set by kubectl; "
            + "unset it to run kubekey by hand.", inner);

    public static ExecInfoException UnknownApiVersion(string apiVersion) =>
        new($"KUBERNETES_EXEC_INFO asks for apiVersion '{apiVersion}', which kubekey does not speak. Set the "
            + "kubeconfig's exec.apiVersion to client.authentication.k8s.io/v1 or client.authentication.k8s.io/v1beta1.");
}
