using KubeKey.Core.Errors;

namespace KubeKey.Host.Plugins;

/// <summary>A plugin cannot be found, loaded or used.</summary>
internal sealed class PluginException : KubeKeyException
{
    private PluginException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public override int ExitCode => 2;

    public static PluginException Unknown(PluginSlot slot, string name, string available) =>
        new($"No {Describe(slot)} plugin named '{name}' is installed. {available}");

    public static PluginException MissingAssembly(string name, string folder) =>
        new($"The plugin folder '{folder}' for '{name}' holds no {name}.dll. Reinstall the plugin, or name "
            + "another one.");

    public static PluginException Incompatible(string name, string folder, string builtAgainst, string required) =>
        new($"The plugin '{name}' in '{folder}' was built against kubekey plugin contract {builtAgainst}, but "
            + $"this kubekey needs contract {required}. Install a build of the plugin for this kubekey.");

    public static PluginException NotAPlugin(string name, string folder, string reason) =>
        new($"The plugin '{name}' in '{folder}' cannot be used: {reason}. Reinstall the plugin, or name another one.");

    public static PluginException Broken(string name, string folder, Exception inner) =>
        new($"The plugin '{name}' in '{folder}' failed to load: {inner.Message} Reinstall the plugin, or name "
            + "another one.", inner);

    public static PluginException WrongSlot(PluginSlot slot, string name, string available) =>
        new($"The plugin '{name}' provides no {Describe(slot)}. {available}");

    public static PluginException Unsupported(PluginSlot slot, string name, string available) =>
        new($"The {Describe(slot)} plugin '{name}' does not work on {PlatformName}. {available}");

    public static PluginException CacheCannotWork(string name, string reason, IReadOnlyList<string> working) =>
        new($"The token cache '{name}' cannot work here: {reason.TrimEnd('.')}. "
            + (working.Count == 0
                ? $"No other token cache works on {PlatformName} here."
                : $"Works on {PlatformName} here: {string.Join(", ", working)}; "
                    + "choose one with --cache or KUBEKEY_CACHE."));

    public static PluginException NoCacheWorks(IEnumerable<string> reasons) =>
        new($"No token cache works here ({string.Join("; ", reasons)}). Install the file cache plugin "
            + "(KubeKey.Cache.File) beside kubekey, or name a working one with --cache or KUBEKEY_CACHE.");

    public static string PlatformName =>
        OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : "Linux";

    private static string Describe(PluginSlot slot) => slot switch
    {
        PluginSlot.Cache => "token cache",
        PluginSlot.Browser => "browser",
        _ => "template",
    };
}
