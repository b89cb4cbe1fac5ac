using System.Text.Json;
using KubeKey.Core.Errors;

namespace KubeKey.Core.Exec;

/// <summary>
/// What kubectl tells the plugin in <c>KUBERNETES_EXEC_INFO</c>: the apiVersion to answer in,
/// whether a person can be asked anything, and the cluster when <c>provideClusterInfo</c> is set.
/// </summary>
public sealed class ExecInfo
{
    public const string V1 = "client.authentication.k8s.io/v1";
    public const string V1Beta1 = "client.authentication.k8s.io/v1beta1";

    /// <summary>The variable client-go sets for every exec plugin it runs.</summary>
    public const string EnvironmentVariable = "KUBERNETES_EXEC_INFO";

    private ExecInfo(string apiVersion, bool interactive, string? clusterServer)
    {
        ApiVersion = apiVersion;
        Interactive = interactive;
        ClusterServer = clusterServer;
    }

    /// <summary>The apiVersion the answer must carry; kubectl rejects any other.</summary>
    public string ApiVersion { get; }

    /// <summary>Whether kubectl handed the plugin a terminal (<c>spec.interactive</c>).</summary>
    public bool Interactive { get; }

    /// <summary><c>spec.cluster.server</c>, when kubectl provided the cluster.</summary>
    public string? ClusterServer { get; }

    /// <summary>Whether kubectl started this process (the variable is set).</summary>
    public bool FromKubectl { get; private init; }

    /// <summary>
    /// Parses the variable's value. Unset (kubekey run by hand): apiVersion v1, interactive when
    /// stdin is a terminal.
    /// </summary>
    /// <exception cref="ExecInfoException">The value is malformed or names an unknown apiVersion.</exception>
    public static ExecInfo Parse(string? value, bool stdinIsTerminal)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new ExecInfo(V1, stdinIsTerminal, null);
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw ExecInfoException.Malformed("it is not a JSON object");
            }

            var apiVersion = root.TryGetProperty("apiVersion", out var version) && version.ValueKind == JsonValueKind.String
                ? version.GetString()!
                : throw ExecInfoException.Malformed("it has no apiVersion");
            if (apiVersion is not (V1 or V1Beta1))
            {
                throw ExecInfoException.UnknownApiVersion(apiVersion);
            }

            var spec = root.TryGetProperty("spec", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
            var interactive = spec.ValueKind == JsonValueKind.Object
                && spec.TryGetProperty("interactive", out var i) && i.ValueKind == JsonValueKind.True;
            string? server = null;
            if (spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty("cluster", out var cluster)
                && cluster.ValueKind == JsonValueKind.Object && cluster.TryGetProperty("server", out var srv)
                && srv.ValueKind == JsonValueKind.String)
            {
                server = srv.GetString();
            }

            return new ExecInfo(apiVersion, interactive, server) { FromKubectl = true };
        }
        catch (JsonException e)
        {
            throw ExecInfoException.Malformed($"not valid JSON ({e.Message.Split(". ")[0]})", e);
        }
    }
}
