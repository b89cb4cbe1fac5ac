using KubeKey.Core.Settings;
using KubeKey.Testing;

namespace KubeKey.Core.Tests.Settings;

/// <summary>
/// A private world for settings tests: a temporary home, config folders and machine-wide file,
/// and an environment of the test's choosing, so no test reads the real /etc or the real user.
/// </summary>
internal sealed class SettingsSandbox : IDisposable
{
    private readonly TempDirectory _temp = new();

    public SettingsSandbox()
    {
        Environment["HOME"] = _temp.Combine("home");
        Environment["XDG_CONFIG_HOME"] = _temp.Combine("config");
        SystemConfigFile = _temp.Combine("etc", "kubekey", "config.json");
    }

    /// <summary>The variables the settings code sees; nothing else of the real environment.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Stands in for /etc/kubekey/config.json.</summary>
    public string SystemConfigFile { get; }

    /// <summary>$XDG_CONFIG_HOME/kubekey/config.json.</summary>
    public string UserConfigFile => _temp.Combine("config", "kubekey", "config.json");

    public string Root => _temp.Path;

    public string WriteSystemConfig(string json) => Write(SystemConfigFile, json);

    public string WriteUserConfig(string json) => Write(UserConfigFile, json);

    /// <summary>Writes <paramref name="json"/> to a file under the sandbox and returns its full path.</summary>
    public string WriteFile(string name, string json) => Write(_temp.Combine(name), json);

    public SettingsInput Input(SettingsLayer? flags = null) => new()
    {
        GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
        SystemConfigFile = SystemConfigFile,
        Flags = flags,
    };

    public KubeKeySettings Resolve(SettingsLayer? flags = null) => SettingsResolver.Resolve(Input(flags));

    /// <summary>A flags layer holding one value, as the host builds it from the command line.</summary>
    public static SettingsLayer Flag(SettingDefinition setting, string value) =>
        new SettingsLayerBuilder().Set(setting, value).Build("flags");

    public void Dispose() => _temp.Dispose();

    private static string Write(string path, string json)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }
}
