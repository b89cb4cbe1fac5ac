namespace KubeKey.EndToEnd.Tests.Support;

/// <summary>Where the node scripts of the end-to-end harness live (tests/e2e).</summary>
internal static class E2eFolder
{
    private static readonly Lazy<string> RootPath = new(FindRepositoryRoot);

    /// <summary>The folder holding kubekey.sln.</summary>
    public static string RepositoryRoot => RootPath.Value;

    /// <summary>tests/e2e, holding provider.mjs, browser.mjs and their node_modules.</summary>
    public static string Path => System.IO.Path.Combine(RepositoryRoot, "tests", "e2e");

    /// <summary>The absolute path of a script in tests/e2e, checked to exist with its packages.</summary>
    /// <exception cref="InvalidOperationException">The script or its node packages are missing.</exception>
    public static string Script(string name)
    {
        var script = System.IO.Path.Combine(Path, name);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"The harness script '{script}' is missing; restore tests/e2e.");
        }

        if (!Directory.Exists(System.IO.Path.Combine(Path, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException(
                $"The node packages in '{Path}' are not installed; run scripts/install-test-deps.sh.");
        }

        return script;
    }

    private static string FindRepositoryRoot()
    {
        // Test binaries run from tests/<project>/bin/<configuration>/<tfm>/: walk up to the solution.
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "kubekey.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' holds kubekey.sln; run the tests from the repository.");
    }
}
