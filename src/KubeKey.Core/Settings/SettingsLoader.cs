using System.Text.Json;
using KubeKey.Core.Errors;
using Microsoft.Extensions.Configuration;

namespace KubeKey.Core.Settings;

/// <summary>
/// Reads the layers settings come from, lowest precedence first: the machine-wide config file,
/// the user's config file (or the one KUBEKEY_CONFIG names), the environment, the flags.
/// </summary>
public static class SettingsLoader
{
    /// <summary>Loads every layer that exists.</summary>
    /// <exception cref="ConfigurationException">A config file is malformed, unreadable or missing when named.</exception>
    public static IReadOnlyList<SettingsLayer> LoadLayers(SettingsInput input)
    {
        var layers = new List<SettingsLayer>();
        AddFile(layers, input.SystemConfigFile, required: false);

        var named = input.GetEnvironmentVariable("KUBEKEY_CONFIG");
        if (!string.IsNullOrEmpty(named))
        {
            AddFile(layers, Path.GetFullPath(named), required: true);
        }
        else
        {
            var paths = new PlatformPaths(input.GetEnvironmentVariable);
            AddFile(layers, Path.Combine(paths.ConfigDirectory, "config.json"), required: false);
        }

        layers.Add(EnvironmentLayer(input.GetEnvironmentVariable));
        if (input.Flags is not null)
        {
            layers.Add(input.Flags);
        }

        return layers;
    }

    private static void AddFile(List<SettingsLayer> layers, string path, bool required)
    {
        if (!File.Exists(path))
        {
            if (required)
            {
                throw ConfigurationException.MissingFile(path);
            }

            return;
        }

        try
        {
            // The stream overload reads the file once and watches nothing: no file provider,
            // no change tokens, nothing left running.
            using var stream = File.OpenRead(path);
            var configuration = new ConfigurationBuilder().AddJsonStream(stream).Build();
            layers.Add(new SettingsLayer(path, configuration));
        }
        catch (Exception e) when (FindJsonError(e) is { } json)
        {
            throw ConfigurationException.MalformedJson(path, (json.LineNumber ?? 0) + 1, FirstSentence(json.Message), e);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw ConfigurationException.MalformedJson(path, 1, FirstSentence(e.Message), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ConfigurationException.Unreadable(path, e.Message, e);
        }
    }

    private static SettingsLayer EnvironmentLayer(Func<string, string?> getEnvironmentVariable)
    {
        var builder = new SettingsLayerBuilder();
        foreach (var setting in SettingDefinitions.All)
        {
            foreach (var variable in setting.Environment)
            {
                var value = getEnvironmentVariable(variable);
                if (!string.IsNullOrEmpty(value))
                {
                    builder.Apply(setting, value, variable);
                    break;
                }
            }
        }

        return builder.Build("environment");
    }

    private static JsonException? FindJsonError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') + "." : message[..(end + 1)];
    }
}
