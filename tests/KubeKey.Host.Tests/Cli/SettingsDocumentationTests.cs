using System.Reflection;
using CommandLine;
using KubeKey.Core.Settings;
using KubeKey.Host.Cli;
using KubeKey.Testing;

namespace KubeKey.Host.Tests.Cli;

/// <summary>
/// docs/configuration.md, the settings table and the command line describe the same settings:
/// a key added to one and forgotten in another fails here.
/// </summary>
public sealed class SettingsDocumentationTests
{
    private static readonly string Page =
        File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "configuration.md"));

    public static TheoryData<string> Keys() => [.. SettingDefinitions.All.Select(s => s.Key)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void ConfigurationPage_EverySetting_DocumentedWithItsNames(string key)
    {
        var setting = SettingDefinitions.All.Single(s => s.Key == key);

        var row = Page.Split('\n')
            .SingleOrDefault(line => line.StartsWith($"| `{key}` |", StringComparison.Ordinal));

        Assert.True(row is not null, $"docs/configuration.md has no table row for `{key}`.");
        foreach (var variable in setting.Environment)
        {
            Assert.Contains($"`{variable}`", row, StringComparison.Ordinal);
        }

        if (setting.Flag is not null)
        {
            Assert.Contains($"`--{setting.Flag}", row, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void GetTokenOptions_EverySettingWithAFlag_AcceptsIt(string key)
    {
        var setting = SettingDefinitions.All.Single(s => s.Key == key);
        var flags = typeof(GetTokenOptions).GetProperties()
            .Select(p => p.GetCustomAttribute<OptionAttribute>()?.LongName)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(
            setting.Flag is null || flags.Contains(setting.Flag),
            $"Setting `{key}` names the flag --{setting.Flag}, which get-token does not accept.");
    }
}
