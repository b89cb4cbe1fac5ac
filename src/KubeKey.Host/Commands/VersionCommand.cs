using System.Reflection;
using System.Runtime.InteropServices;

namespace KubeKey.Host.Commands;

/// <summary>Prints the version on stderr: stdout is only ever the ExecCredential.</summary>
internal static class VersionCommand
{
    public static string Version =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?
            .InformationalVersion.Split('+')[0] ?? "unknown";

    public static string Describe() =>
        $"kubekey {Version} ({RuntimeInformation.FrameworkDescription}, {RuntimeInformation.RuntimeIdentifier})";

    public static int Run(HostEnvironment environment)
    {
        environment.Stderr.WriteLine(Describe());
        return 0;
    }
}
