namespace KubeKey.Core.Settings;

/// <summary>How a setting's value is written and merged across layers.</summary>
public enum SettingKind
{
    /// <summary>One string; a later layer replaces it.</summary>
    Text,

    /// <summary>true or false.</summary>
    Flag,

    /// <summary>A whole number of seconds.</summary>
    Seconds,

    /// <summary>A list; a later layer replaces the whole list. In the environment, comma-separated.</summary>
    List,

    /// <summary>key=value pairs; a later layer replaces single keys. In the environment, comma-separated.</summary>
    Map,
}
