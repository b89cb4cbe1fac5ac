namespace KubeKey.Cache.WindowsCredMan.Tests;

/// <summary>A fact that needs the real Windows Credential Manager; skipped, with the reason, elsewhere.</summary>
public sealed class WindowsFactAttribute : FactAttribute
{
    public WindowsFactAttribute()
    {
        if (!OperatingSystem.IsWindows())
        {
            Skip = "Needs the real Windows Credential Manager, which exists only on Windows.";
        }
    }
}
