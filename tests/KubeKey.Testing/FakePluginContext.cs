using KubeKey.Abstractions;

namespace KubeKey.Testing;

/// <summary>A plugin context over a temporary folder, with settings and environment of the test's choosing.</summary>
public sealed class FakePluginContext : IPluginContext
{
    public FakePluginContext(string root)
    {
        CacheDirectory = Path.Combine(root, "cache");
        DataDirectory = Path.Combine(root, "data");
    }

    public string CacheDirectory { get; init; }

    public string DataDirectory { get; init; }

    public IReadOnlyList<string> TemplateDirectories { get; init; } = [];

    public bool Interactive { get; init; }

    public RecordingLog RecordingLog { get; } = new();

    public IPluginLog Log => RecordingLog;

    public Dictionary<string, string> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string? GetSetting(string name) => Settings.GetValueOrDefault(name);

    public string? GetEnvironmentVariable(string name) => Environment.GetValueOrDefault(name);
}
