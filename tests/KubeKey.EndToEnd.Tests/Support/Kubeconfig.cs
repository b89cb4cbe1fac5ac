using System.Text;

namespace KubeKey.EndToEnd.Tests.Support;

/// <summary>Writes kubeconfigs whose user runs kubekey, in the styles people use.</summary>
internal static class Kubeconfig
{
    /// <summary>
    /// A kubeconfig for <paramref name="server"/> whose user runs <paramref name="command"/>.
    /// </summary>
    /// <param name="apiVersion">exec.apiVersion: client.authentication.k8s.io/v1 or v1beta1.</param>
    /// <param name="args">exec.args; empty for the original kubekey's style.</param>
    /// <param name="env">exec.env; the original kubekey was configured only through these.</param>
    public static string Write(
        string path,
        ApiServer server,
        string command,
        string apiVersion,
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> env)
    {
        var yaml = new StringBuilder()
            .AppendLine("apiVersion: v1")
            .AppendLine("kind: Config")
            .AppendLine("clusters:")
            .AppendLine("- name: test")
            .AppendLine("  cluster:")
            .AppendLine($"    server: {server.Url.ToString().TrimEnd('/')}")
            .AppendLine($"    certificate-authority-data: {server.CertificateAuthorityData}")
            .AppendLine("users:")
            .AppendLine("- name: oidc")
            .AppendLine("  user:")
            .AppendLine("    exec:")
            .AppendLine($"      apiVersion: {apiVersion}")
            .AppendLine($"      command: {Quote(command)}")
            .AppendLine("      interactiveMode: IfAvailable")
            .AppendLine("      provideClusterInfo: true");
        if (args.Count > 0)
        {
            yaml.AppendLine("      args:");
            foreach (var arg in args)
            {
                yaml.AppendLine($"      - {Quote(arg)}");
            }
        }

        if (env.Count > 0)
        {
            yaml.AppendLine("      env:");
            foreach (var (name, value) in env)
            {
                yaml.AppendLine($"      - name: {name}").AppendLine($"        value: {Quote(value)}");
            }
        }

        yaml.AppendLine("contexts:")
            .AppendLine("- name: test")
            .AppendLine("  context: {cluster: test, user: oidc}")
            .AppendLine("current-context: test");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }

    // JSON strings are valid YAML scalars, which spares a YAML escaper.
    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
