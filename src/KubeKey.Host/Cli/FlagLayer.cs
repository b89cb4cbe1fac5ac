using KubeKey.Core.Settings;

namespace KubeKey.Host.Cli;

/// <summary>Turns parsed flags into the highest-precedence settings layer.</summary>
internal static class FlagLayer
{
    public static SettingsLayer From(CommonOptions options)
    {
        var builder = new SettingsLayerBuilder();
        var level = options.LogLevel ?? (options.Debug ? "debug" : options.Verbose ? "information" : null);
        SetIfGiven(builder, SettingDefinitions.LogLevel, level);
        SetIfGiven(builder, SettingDefinitions.LogFile, options.LogFile);

        if (options is GetTokenOptions token)
        {
            SetIfGiven(builder, SettingDefinitions.IssuerUrl, token.IssuerUrl);
            SetIfGiven(builder, SettingDefinitions.ClientId, token.ClientId);
            SetIfGiven(builder, SettingDefinitions.ClientSecret, token.ClientSecret);
            SetIfGiven(builder, SettingDefinitions.Profile, token.Profile);
            SetIfGiven(builder, SettingDefinitions.Cache, token.Cache);
            SetIfGiven(builder, SettingDefinitions.CacheDir, token.TokenCacheDir);
            SetIfGiven(builder, SettingDefinitions.Browser, token.Browser);
            SetIfGiven(builder, SettingDefinitions.Templates, token.Templates);
            SetIfGiven(builder, SettingDefinitions.ExpiryMargin, token.ExpiryMargin);
            SetIfGiven(builder, SettingDefinitions.ForceRefresh, token.ForceRefresh ? "true" : null);
            SetIfGiven(builder, SettingDefinitions.ListenAddress, token.ListenAddress);
            SetIfGiven(builder, SettingDefinitions.RedirectHostname, token.RedirectHostname);
            SetIfGiven(builder, SettingDefinitions.LoginTimeout, token.LoginTimeout);
            SetIfGiven(builder, SettingDefinitions.SkipOpenBrowser, token.SkipOpenBrowser ? "true" : null);
            foreach (var file in token.CertificateAuthorities)
            {
                builder.Add(SettingDefinitions.CertificateAuthorities, file);
            }

            foreach (var data in token.CertificateAuthorityData)
            {
                builder.Add(SettingDefinitions.CertificateAuthorityData, data);
            }

            foreach (var scope in token.ExtraScopes)
            {
                builder.Add(SettingDefinitions.ExtraScopes, scope);
            }

            foreach (var pair in token.AuthParams)
            {
                builder.Put(SettingDefinitions.AuthParams, pair, "--" + SettingDefinitions.AuthParams.Flag);
            }

            foreach (var folder in token.PluginDirs)
            {
                builder.Add(SettingDefinitions.PluginDirs, folder);
            }
        }

        if (options is TemplatesOptions templates)
        {
            SetIfGiven(builder, SettingDefinitions.Templates, templates.Templates);
            foreach (var folder in templates.PluginDirs)
            {
                builder.Add(SettingDefinitions.PluginDirs, folder);
            }
        }

        if (options is DoctorOptions doctor)
        {
            SetIfGiven(builder, SettingDefinitions.Cache, doctor.Cache);
            SetIfGiven(builder, SettingDefinitions.CacheDir, doctor.TokenCacheDir);
            foreach (var folder in doctor.PluginDirs)
            {
                builder.Add(SettingDefinitions.PluginDirs, folder);
            }
        }

        return builder.Build("flags");
    }

    private static void SetIfGiven(SettingsLayerBuilder builder, SettingDefinition setting, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            builder.Set(setting, value);
        }
    }
}
