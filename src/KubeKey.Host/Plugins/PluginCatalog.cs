using KubeKey.Abstractions;
using Serilog;

namespace KubeKey.Host.Plugins;

/// <summary>
/// Finds the plugin named for a slot in the plugin folders and loads it, once, when the running
/// path first needs it. The first-party plugins are called by short names ("file" for
/// KubeKey.Cache.File); any other plugin by its folder name.
/// </summary>
internal sealed class PluginCatalog
{
    private readonly IReadOnlyList<string> _roots;
    private readonly IPluginLoader _loader;
    private readonly ILogger _log;
    private readonly Dictionary<string, LoadedPlugin> _loaded = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="roots">Folders holding one folder per plugin, searched in order.</param>
    /// <param name="loader">Loads one plugin assembly.</param>
    /// <param name="log">The run's log.</param>
    public PluginCatalog(IReadOnlyList<string> roots, IPluginLoader loader, ILogger log)
    {
        _roots = roots;
        _loader = loader;
        _log = log;
    }

    /// <summary>
    /// The catalog of a run: the folders the settings name, then the plugins folder beside the host.
    /// </summary>
    public static PluginCatalog ForHost(
        HostEnvironment environment, Core.Settings.KubeKeySettings settings, ILogger log)
    {
        string[] roots = [.. settings.PluginDirectories, Path.Combine(environment.BaseDirectory, "plugins")];
        return new PluginCatalog(roots, new McMasterPluginLoader(), log);
    }

    /// <summary>Loads the plugin <paramref name="name"/> and returns its registration for <paramref name="slot"/>.</summary>
    /// <exception cref="PluginException">Unknown, broken, incompatible, unsupported here, or not for this slot.</exception>
    public LoadedPlugin Load(PluginSlot slot, string name)
    {
        var folder = Find(slot, name) ?? throw PluginException.Unknown(slot, name, DescribeAvailable(slot));
        var plugin = LoadFolder(folder);
        if (!plugin.Registry.Provides(slot))
        {
            throw PluginException.WrongSlot(slot, plugin.Metadata.Name, DescribeAvailable(slot));
        }

        if (!plugin.Metadata.SupportsCurrentPlatform)
        {
            throw PluginException.Unsupported(slot, plugin.Metadata.Name, DescribeAvailable(slot));
        }

        return plugin;
    }

    /// <summary>The plugins installed for <paramref name="slot"/> that work on this OS, loading each to ask.</summary>
    public IReadOnlyList<PluginMetadata> Available(PluginSlot slot)
    {
        var available = new List<PluginMetadata>();
        foreach (var folder in AllFolders())
        {
            try
            {
                var plugin = LoadFolder(folder);
                if (plugin.Registry.Provides(slot) && plugin.Metadata.SupportsCurrentPlatform)
                {
                    available.Add(plugin.Metadata);
                }
            }
            catch (PluginException e)
            {
                _log.Debug("Skipping plugin folder {Folder}: {Reason}", folder, e.Message);
            }
        }

        return available;
    }

    /// <summary>The name users write for a plugin: the short form for first-party ones.</summary>
    public static string ShortName(PluginSlot slot, string pluginName)
    {
        var prefix = FirstPartyPrefix(slot);
        return pluginName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? pluginName[prefix.Length..].ToLowerInvariant()
            : pluginName;
    }

    private string DescribeAvailable(PluginSlot slot)
    {
        var names = Available(slot).Select(m => ShortName(slot, m.Name)).ToList();
        return names.Count == 0
            ? $"No such plugin is installed for {PluginException.PlatformName} in {string.Join(", ", _roots)}."
            : $"Available on {PluginException.PlatformName}: {string.Join(", ", names)}.";
    }

    private string? Find(PluginSlot slot, string name)
    {
        string[] candidates = [name, FirstPartyPrefix(slot) + name];
        return AllFolders().FirstOrDefault(folder => candidates.Any(
            c => string.Equals(Path.GetFileName(folder), c, StringComparison.OrdinalIgnoreCase)));
    }

    private IEnumerable<string> AllFolders() =>
        _roots.Where(Directory.Exists).SelectMany(Directory.EnumerateDirectories).Order(StringComparer.Ordinal);

    private LoadedPlugin LoadFolder(string folder)
    {
        if (_loaded.TryGetValue(folder, out var cached))
        {
            return cached;
        }

        var name = Path.GetFileName(folder);
        var assemblyPath = Path.Combine(folder, name + ".dll");
        if (!File.Exists(assemblyPath))
        {
            throw PluginException.MissingAssembly(name, folder);
        }

        PluginContractCheck.Verify(name, assemblyPath);
        var entryPoint = _loader.Load(name, assemblyPath);
        var metadata = entryPoint.Metadata;
        if (metadata.ContractVersion != PluginContract.Version)
        {
            throw PluginException.Incompatible(
                name, folder, metadata.ContractVersion.ToString(), PluginContract.Version.ToString());
        }

        var registry = new PluginRegistry();
        entryPoint.Register(registry);
        _log.Debug("Loaded plugin {Plugin} {Version} from {Folder}", metadata.Name, metadata.Version, folder);

        var loaded = new LoadedPlugin(metadata, registry, folder);
        _loaded[folder] = loaded;
        return loaded;
    }

    private static string FirstPartyPrefix(PluginSlot slot) => slot switch
    {
        PluginSlot.Cache => "KubeKey.Cache.",
        PluginSlot.Browser => "KubeKey.Browser.",
        _ => "KubeKey.Templates.",
    };
}
