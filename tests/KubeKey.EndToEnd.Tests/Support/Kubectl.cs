using System.Diagnostics;

namespace KubeKey.EndToEnd.Tests.Support;

/// <summary>Runs the real kubectl against a kubeconfig, with a deadline, capturing its output.</summary>
internal static class Kubectl
{
    /// <summary>A versioned binary: it runs the exec plugin once per command (the dispatcher runs it twice).</summary>
    public const string Path = "/usr/lib/google-cloud-sdk/bin/kubectl.1.33";

    public static async Task<ProcessResult> RunAsync(
        string kubeconfig,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        params string[] args)
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"kubectl is not at {Path}; the end-to-end tests need the real one.");
        }

        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return await ProcessResult.RunAsync(start, timeout);
    }
}
