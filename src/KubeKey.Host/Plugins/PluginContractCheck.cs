using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using KubeKey.Abstractions;

namespace KubeKey.Host.Plugins;

/// <summary>
/// Reads which Abstractions version a plugin assembly references, from its metadata, before
/// anything in it is loaded: a plugin built against another contract is refused with a clear
/// message instead of failing later with a type-load error.
/// </summary>
internal static class PluginContractCheck
{
    private static readonly Version HostContract = typeof(IKubeKeyPlugin).Assembly.GetName().Version!;

    /// <exception cref="PluginException">The assembly is unreadable, is no plugin, or needs another contract.</exception>
    public static void Verify(string name, string assemblyPath)
    {
        var folder = Path.GetDirectoryName(assemblyPath)!;
        var referenced = ReadReferencedContract(name, folder, assemblyPath)
            ?? throw PluginException.NotAPlugin(name, folder, "it does not reference KubeKey.Abstractions");

        // Same major version: the contract only grows compatibly within one.
        if (referenced.Major != HostContract.Major || referenced.Minor > HostContract.Minor)
        {
            throw PluginException.Incompatible(name, folder, Format(referenced), Format(HostContract));
        }
    }

    private static Version? ReadReferencedContract(string name, string folder, string assemblyPath)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw PluginException.NotAPlugin(name, folder, "it is not a .NET assembly");
            }

            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                if (metadata.GetString(reference.Name) == typeof(IKubeKeyPlugin).Assembly.GetName().Name)
                {
                    return reference.Version;
                }
            }

            return null;
        }
        catch (BadImageFormatException e)
        {
            throw PluginException.Broken(name, folder, e);
        }
    }

    private static string Format(Version version) => $"{version.Major}.{version.Minor}";
}
