using System.Globalization;
using KubeKey.Core.Errors;

namespace KubeKey.Core.Settings;

/// <summary>
/// Turns layers into the <see cref="KubeKeySettings"/> in force: the one place both the host and
/// the launcher resolve settings, so their behaviour cannot differ.
/// </summary>
public static class SettingsResolver
{
    // The largest number of seconds a TimeSpan holds; a larger margin is as wrong as a typo.
    private const long MaxSeconds = long.MaxValue / TimeSpan.TicksPerSecond;

    private static readonly string[] StandardTemplateDirectories =
        ["/etc/kubekey", "/usr/local/share/kubekey", "/usr/share/kubekey"];

    /// <summary>Loads the layers for <paramref name="input"/> and resolves them.</summary>
    /// <exception cref="ConfigurationException">A layer is malformed or a value has the wrong form.</exception>
    public static KubeKeySettings Resolve(SettingsInput input) =>
        Resolve(SettingsLoader.LoadLayers(input), input.GetEnvironmentVariable);

    /// <summary>Resolves settings from layers, lowest precedence first.</summary>
    public static KubeKeySettings Resolve(
        IReadOnlyList<SettingsLayer> layers, Func<string, string?> getEnvironmentVariable)
    {
        var reader = new LayerReader(layers);
        var paths = new PlatformPaths(getEnvironmentVariable);
        var templateDir = reader.Text(SettingDefinitions.TemplateDir);

        return new KubeKeySettings
        {
            IssuerUrl = reader.Text(SettingDefinitions.IssuerUrl),
            ClientId = reader.Text(SettingDefinitions.ClientId),
            ClientSecret = reader.Text(SettingDefinitions.ClientSecret),
            ExtraScopes = reader.List(SettingDefinitions.ExtraScopes),
            AuthParams = new SortedDictionary<string, string>(
                reader.Map(SettingDefinitions.AuthParams), StringComparer.Ordinal),
            Profile = reader.Text(SettingDefinitions.Profile),
            Cache = reader.Text(SettingDefinitions.Cache),
            CacheDirectory = reader.Text(SettingDefinitions.CacheDir) is { } dir
                ? Path.GetFullPath(dir)
                : paths.CacheDirectory,
            DataDirectory = paths.DataDirectory,
            PluginDirectories = [.. reader.List(SettingDefinitions.PluginDirs).Select(Path.GetFullPath)],
            Browser = reader.Text(SettingDefinitions.Browser)!,
            Templates = reader.Text(SettingDefinitions.Templates)!,
            TemplateDirectories = templateDir is null
                ? StandardTemplateDirectories
                : [templateDir, .. StandardTemplateDirectories],
            ExpiryMargin = TimeSpan.FromSeconds(reader.Seconds(SettingDefinitions.ExpiryMargin)),
            ForceRefresh = reader.Flag(SettingDefinitions.ForceRefresh),
            ListenAddress = reader.Text(SettingDefinitions.ListenAddress)!,
            RedirectHostname = reader.Text(SettingDefinitions.RedirectHostname),
            LoginTimeout = TimeSpan.FromSeconds(reader.Seconds(SettingDefinitions.LoginTimeout)),
            SkipOpenBrowser = reader.Flag(SettingDefinitions.SkipOpenBrowser),
            CertificateAuthorities =
                [.. reader.List(SettingDefinitions.CertificateAuthorities).Select(Path.GetFullPath)],
            CertificateAuthorityData = reader.List(SettingDefinitions.CertificateAuthorityData),
            LogLevel = reader.Text(SettingDefinitions.LogLevel)!,
            LogFile = reader.Text(SettingDefinitions.LogFile),
            ConfigFiles = [.. layers.Select(l => l.Name).Where(n => n is not ("environment" or "flags"))],
            PluginSettings = reader.PluginSections(),
        };
    }

    /// <summary>Checks what a login or a cache lookup needs: an issuer and a client id of the right form.</summary>
    /// <exception cref="ConfigurationException">One is missing or malformed.</exception>
    public static void RequireIdentity(KubeKeySettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.IssuerUrl))
        {
            throw ConfigurationException.MissingIssuer();
        }

        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            throw ConfigurationException.MissingClientId();
        }

        if (!Uri.TryCreate(settings.IssuerUrl, UriKind.Absolute, out var issuer))
        {
            throw ConfigurationException.InvalidIssuer(settings.IssuerUrl, "is not an absolute URL.");
        }

        // RFC 8252 §8.3 and OIDC Discovery: the issuer must be https; plain http is tolerated
        // only on the loopback interface, for local development and tests.
        var loopback = issuer.IsLoopback || issuer.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase);
        if (issuer.Scheme != Uri.UriSchemeHttps && !(issuer.Scheme == Uri.UriSchemeHttp && loopback))
        {
            throw ConfigurationException.InvalidIssuer(settings.IssuerUrl, "does not use https.");
        }

        if (!string.IsNullOrEmpty(issuer.Query) || !string.IsNullOrEmpty(issuer.Fragment))
        {
            throw ConfigurationException.InvalidIssuer(
                settings.IssuerUrl, "has a query or fragment, which an issuer never has.");
        }
    }

    private sealed class LayerReader(IReadOnlyList<SettingsLayer> layers)
    {
        public string? Text(SettingDefinition setting)
        {
            for (var i = layers.Count - 1; i >= 0; i--)
            {
                var value = layers[i].Configuration[setting.Key];
                if (!string.IsNullOrEmpty(value))
                {
                    return value;
                }
            }

            return setting.Default;
        }

        public IReadOnlyList<string> List(SettingDefinition setting)
        {
            // A later layer replaces the whole list: merging by index would mix two lists.
            for (var i = layers.Count - 1; i >= 0; i--)
            {
                var section = layers[i].Configuration.GetSection(setting.Key);
                var items = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
                if (items.Count > 0)
                {
                    return items;
                }

                if (!string.IsNullOrEmpty(section.Value))
                {
                    return [.. section.Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)];
                }

                // An empty list written out ("extraScopes": []) reaches here as a key without a
                // value; it still replaces the lists below it, so a user can clear /etc's list.
                if (DeclaresKey(layers[i], setting.Key))
                {
                    return [];
                }
            }

            return [];
        }

        public Dictionary<string, string> Map(SettingDefinition setting)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var layer in layers)
            {
                foreach (var child in layer.Configuration.GetSection(setting.Key).GetChildren())
                {
                    if (child.Value is not null)
                    {
                        map[child.Key] = child.Value;
                    }
                }
            }

            return map;
        }

        public bool Flag(SettingDefinition setting)
        {
            var value = Text(setting) ?? "false";
            return value.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "on" => true,
                "false" or "0" or "no" or "off" => false,
                _ => throw ConfigurationException.InvalidValue(setting.Key, value, "it must be true or false"),
            };
        }

        public long Seconds(SettingDefinition setting)
        {
            var value = (Text(setting) ?? "0").Trim();
            var (number, factor) = value.Length == 0 ? (value, 1) : char.ToLowerInvariant(value[^1]) switch
            {
                's' => (value[..^1], 1),
                'm' => (value[..^1], 60),
                'h' => (value[..^1], 3600),
                _ => (value, 1),
            };
            if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
                || amount > MaxSeconds / factor)
            {
                throw ConfigurationException.InvalidValue(
                    setting.Key, value, "it must be a whole number of seconds, or end in s, m or h");
            }

            return amount * factor;
        }

        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> PluginSections()
        {
            var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var layer in layers)
            {
                foreach (var plugin in layer.Configuration.GetSection("plugins").GetChildren())
                {
                    if (!sections.TryGetValue(plugin.Key, out var values))
                    {
                        values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                        sections[plugin.Key] = values;
                    }

                    foreach (var child in plugin.GetChildren().Where(c => c.Value is not null))
                    {
                        values[child.Key] = child.Value!;
                    }
                }
            }

            return sections.ToDictionary(
                s => s.Key,
                s => (IReadOnlyDictionary<string, string>)s.Value,
                StringComparer.OrdinalIgnoreCase);
        }

        private static bool DeclaresKey(SettingsLayer layer, string key) =>
            layer.Configuration.GetChildren()
                .Any(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
    }
}
