using CommandLine;

namespace KubeKey.Host.Cli;

/// <summary>The flags of <c>doctor</c>: the ones of <c>get-token</c> that decide which cache is used.</summary>
[Verb("doctor", HelpText = "Check the token cache kubekey would use here, on stderr; exit 1 when it does not work.")]
internal sealed class DoctorOptions : CommonOptions
{
    [Option("cache", HelpText = "Check this token cache plugin instead of the one chosen for the OS.")]
    public string? Cache { get; set; }

    [Option("token-cache-dir", HelpText = "Where cache files and locks live (default $XDG_CACHE_HOME/kubekey).")]
    public string? TokenCacheDir { get; set; }

    [Option("plugin-dir", HelpText = "Another folder of plugin folders; repeatable.")]
    public IEnumerable<string> PluginDirs { get; set; } = [];
}
