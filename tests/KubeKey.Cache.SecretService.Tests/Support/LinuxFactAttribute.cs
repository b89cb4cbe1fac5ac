namespace KubeKey.Cache.SecretService.Tests.Support;

/// <summary>
/// A test that needs the Secret Service: skipped on other operating systems, run (and failing
/// with the reason when the keyring cannot start) on Linux.
/// </summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "The freedesktop Secret Service exists on Linux only.";
        }
    }
}
