namespace KubeKey.Browser.System.Tests;

/// <summary>A fact that runs shell scripts as browsers, so it is skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "The fake browsers are POSIX shell scripts.";
        }
    }
}
