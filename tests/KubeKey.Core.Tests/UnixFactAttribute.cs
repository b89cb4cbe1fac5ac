namespace KubeKey.Core.Tests;

/// <summary>
/// A fact about the Unix folder conventions (XDG, $HOME): skipped, with the reason, on Windows,
/// where kubekey uses AppData instead.
/// </summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Windows keeps per-user folders under AppData, not XDG or $HOME.";
        }
    }
}
