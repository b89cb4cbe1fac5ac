namespace KubeKey.Testing;

/// <summary>Finds the work tree and the build outputs tests use, from the running test assembly.</summary>
public static class RepositoryLayout
{
    /// <summary>The folder holding kubekey.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration the tests themselves were built in.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>
    /// The installed layout (`make stage`): KUBEKEY_STAGE when set, else artifacts/stage.
    /// </summary>
    public static string Stage =>
        Environment.GetEnvironmentVariable("KUBEKEY_STAGE") is { Length: > 0 } stage
            ? stage
            : Path.Combine(Root, "artifacts", "stage");

    /// <summary>
    /// Copies a built plugin project's output into <paramref name="pluginsRoot"/>/<paramref name="folderName"/>,
    /// the way an installed plugin folder looks.
    /// </summary>
    /// <param name="projectFolder">The project folder relative to the root, e.g. plugins/Cache.File.</param>
    public static string InstallPlugin(string projectFolder, string assemblyName, string pluginsRoot, string? folderName = null)
    {
        var output = Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0");
        if (!File.Exists(Path.Combine(output, assemblyName + ".dll")))
        {
            throw new InvalidOperationException($"{assemblyName}.dll is not built in {output}; run 'make build' first.");
        }

        var target = Path.Combine(pluginsRoot, folderName ?? assemblyName);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(output))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        return target;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "kubekey.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the kubekey work tree: no kubekey.sln above them.");
    }
}
