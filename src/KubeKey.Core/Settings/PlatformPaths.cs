namespace KubeKey.Core.Settings;

/// <summary>
/// The per-user folders, by the XDG base directory conventions on Unix and AppData on Windows.
/// The cache folder never holds the data folder's files: the file cache keeps its key in the data
/// folder, apart from the entries it protects.
/// </summary>
public sealed class PlatformPaths
{
    private readonly Func<string, string?> _getEnvironmentVariable;

    public PlatformPaths(Func<string, string?> getEnvironmentVariable)
    {
        _getEnvironmentVariable = getEnvironmentVariable;
    }

    /// <summary>$XDG_CONFIG_HOME/kubekey, else ~/.config/kubekey.</summary>
    public string ConfigDirectory => Resolve("XDG_CONFIG_HOME", ".config", Environment.SpecialFolder.ApplicationData);

    /// <summary>
    /// $XDG_CACHE_HOME/kubekey, else ~/.cache/kubekey; a "cache" folder inside the data folder when
    /// both would be the same (on Windows both are %LOCALAPPDATA%\kubekey).
    /// </summary>
    public string CacheDirectory
    {
        get
        {
            var folder = Resolve("XDG_CACHE_HOME", ".cache", Environment.SpecialFolder.LocalApplicationData);
            return folder == DataDirectory ? Path.Combine(folder, "cache") : folder;
        }
    }

    /// <summary>$XDG_DATA_HOME/kubekey, else ~/.local/share/kubekey.</summary>
    public string DataDirectory =>
        Resolve("XDG_DATA_HOME", Path.Combine(".local", "share"), Environment.SpecialFolder.LocalApplicationData);

    private string Resolve(string variable, string underHome, Environment.SpecialFolder windowsFolder)
    {
        var xdg = _getEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg))
        {
            return Path.Combine(xdg, "kubekey");
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(windowsFolder), "kubekey");
        }

        var home = _getEnvironmentVariable("HOME");
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return Path.Combine(home, underHome, "kubekey");
    }
}
