using Microsoft.Extensions.Configuration;

namespace KubeKey.Core.Settings;

/// <summary>
/// Builds a layer of settings from flags or environment variables, keyed the way config.json is,
/// so every layer is read by the same code.
/// </summary>
public sealed class SettingsLayerBuilder
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _listCounts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets a text, flag or seconds setting.</summary>
    public SettingsLayerBuilder Set(SettingDefinition setting, string value)
    {
        _values[setting.Key] = value;
        return this;
    }

    /// <summary>Appends to a list setting.</summary>
    public SettingsLayerBuilder Add(SettingDefinition setting, string item)
    {
        var index = _listCounts.GetValueOrDefault(setting.Key);
        _values[$"{setting.Key}:{index}"] = item;
        _listCounts[setting.Key] = index + 1;
        return this;
    }

    /// <summary>Sets one key of a map setting from "key=value".</summary>
    /// <exception cref="Errors.ConfigurationException">The pair has no '=' or an empty key.</exception>
    public SettingsLayerBuilder Put(SettingDefinition setting, string pair, string source)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw Errors.ConfigurationException.InvalidPair(source, pair);
        }

        _values[$"{setting.Key}:{pair[..equals].Trim()}"] = pair[(equals + 1)..].Trim();
        return this;
    }

    /// <summary>Sets a raw config key, such as plugins:KubeKey.Cache.File:keyFile.</summary>
    public SettingsLayerBuilder SetRaw(string key, string value)
    {
        _values[key] = value;
        return this;
    }

    /// <summary>Adds a value of the setting's kind from one string as a variable or flag holds it.</summary>
    public SettingsLayerBuilder Apply(SettingDefinition setting, string value, string source)
    {
        switch (setting.Kind)
        {
            case SettingKind.List:
                foreach (var item in SplitList(value))
                {
                    Add(setting, item);
                }

                break;
            case SettingKind.Map:
                foreach (var pair in SplitPairs(value))
                {
                    Put(setting, pair, source);
                }

                break;
            default:
                Set(setting, value);
                break;
        }

        return this;
    }

    public SettingsLayer Build(string name) =>
        new(name, new ConfigurationBuilder().AddInMemoryCollection(_values).Build());

    private static IEnumerable<string> SplitList(string value) =>
        value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Only commas separate pairs: OIDC parameters such as ui_locales and acr_values carry
    // space-separated values of their own.
    private static IEnumerable<string> SplitPairs(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
