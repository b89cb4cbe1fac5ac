using System.Reflection;
using KubeKey.Abstractions;
using McMaster.NETCore.Plugins;

namespace KubeKey.Host.Plugins;

/// <summary>
/// Loads plugins with McMaster.NETCore.Plugins: each in its own load context, so a plugin's
/// dependencies never clash with the host's or another plugin's, sharing only the Abstractions
/// types the contract is made of. It is a well-kept library that already resolves a plugin's
/// dependency graph from its deps.json, which our own AssemblyLoadContext would have to redo.
/// </summary>
internal sealed class McMasterPluginLoader : IPluginLoader
{
    public IKubeKeyPlugin Load(string name, string assemblyPath)
    {
        var folder = Path.GetDirectoryName(assemblyPath)!;
        Assembly assembly;
        try
        {
            // Not unloadable and loaded from the file: both keep ReadyToRun code usable.
            var loader = PluginLoader.CreateFromAssemblyFile(
                assemblyPath,
                sharedTypes: [typeof(IKubeKeyPlugin)],
                config => config.PreferSharedTypes = true);
            assembly = loader.LoadDefaultAssembly();
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            throw PluginException.Broken(name, folder, e);
        }

        var entryPoints = FindEntryPoints(name, folder, assembly);
        if (entryPoints.Count != 1)
        {
            throw PluginException.NotAPlugin(
                name,
                folder,
                $"it must hold exactly one public class implementing {nameof(IKubeKeyPlugin)}, and holds {entryPoints.Count}");
        }

        try
        {
            return (IKubeKeyPlugin)Activator.CreateInstance(entryPoints[0])!;
        }
        catch (Exception e) when (e is TargetInvocationException or MissingMethodException or MemberAccessException)
        {
            throw PluginException.Broken(name, folder, e.InnerException ?? e);
        }
    }

    private static List<Type> FindEntryPoints(string name, string folder, Assembly assembly)
    {
        try
        {
            return [.. assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IKubeKeyPlugin).IsAssignableFrom(t))];
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or TypeLoadException or FileNotFoundException)
        {
            throw PluginException.Broken(name, folder, e);
        }
    }
}
