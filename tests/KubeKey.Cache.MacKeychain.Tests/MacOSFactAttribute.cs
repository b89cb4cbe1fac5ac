namespace KubeKey.Cache.MacKeychain.Tests;

/// <summary>A fact that needs the real macOS keychain; skipped, with the reason, elsewhere.</summary>
public sealed class MacOSFactAttribute : FactAttribute
{
    public MacOSFactAttribute()
    {
        if (!OperatingSystem.IsMacOS())
        {
            Skip = "Needs the real macOS keychain, which exists only on macOS.";
        }
    }
}
