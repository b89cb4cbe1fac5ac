namespace KubeKey.Browser.System.Tests;

/// <summary>A machine of the test's choosing: operating system, environment, settings and files.</summary>
internal sealed class FakeSystemProbe : ISystemProbe
{
    public bool IsWindows { get; init; }

    public bool IsMacOS { get; init; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public string? GetEnvironmentVariable(string name) => Environment.GetValueOrDefault(name);

    public string? GetSetting(string name) => Settings.GetValueOrDefault(name);

    public string? ReadSystemFile(string path) => Files.GetValueOrDefault(path);

    /// <summary>A Linux desktop with an X display and nothing else configured.</summary>
    public static FakeSystemProbe LinuxDesktop()
    {
        var probe = new FakeSystemProbe();
        probe.Environment["DISPLAY"] = ":0";
        probe.Files["/proc/version"] = "Linux version 6.8.0-45-generic (buildd@lcy02-amd64-075) (gcc 13.2.0)";
        return probe;
    }
}
