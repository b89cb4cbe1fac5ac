using Xunit;

namespace KubeKey.Testing;

/// <summary>A fact that runs on Linux and macOS only, and is reported as skipped, with the reason, on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Needs a Unix platform.";
        }
    }
}
