namespace KubeKey.Cache.File.Tests;

/// <summary>A fact about Unix file modes: skipped, with the reason, on Windows, which has none.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Windows has no Unix file modes.";
        }
    }
}
