namespace KubeKey.Host.Plugins;

/// <summary>
/// Which cache backends kubekey tries, in order, when none is chosen: the OS keyring first, then
/// the encrypted file, which works everywhere.
/// </summary>
internal static class CachePreferences
{
    public const string File = "file";
    public const string SecretService = "secretservice";
    public const string MacKeychain = "mackeychain";
    public const string WindowsCredMan = "windowscredman";

    /// <summary>The order for the OS this process runs on.</summary>
    public static IReadOnlyList<string> ForCurrentPlatform() =>
        For(OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux");

    /// <summary>The order for <paramref name="platform"/>: "linux", "macos" or "windows".</summary>
    public static IReadOnlyList<string> For(string platform) => platform switch
    {
        "windows" => [WindowsCredMan, File],
        "macos" => [MacKeychain, File],
        "linux" => [SecretService, File],
        _ => [File],
    };
}
