namespace KubeKey.Templates.Scriban.Tests;

/// <summary>Finds files of the repository the tests were built from.</summary>
internal static class RepositoryFiles
{
    /// <summary>The full path of <paramref name="relativePath"/> under the repository root.</summary>
    public static string Find(string relativePath)
    {
        // The tests run from tests/<project>/bin/<configuration>/<framework>/.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "kubekey.sln")))
            {
                return Path.Combine(directory.FullName, relativePath);
            }
        }

        throw new FileNotFoundException($"No repository root above {AppContext.BaseDirectory}.");
    }
}
