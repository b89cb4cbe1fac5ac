using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace KubeKey.Cache.WindowsCredMan.Native;

/// <summary>The Credential Manager functions of advapi32.dll, and nothing more.</summary>
[SupportedOSPlatform("windows")]
internal static partial class Advapi32
{
    /// <summary>CRED_TYPE_GENERIC: a credential only its writer interprets.</summary>
    internal const uint CredTypeGeneric = 1;

    /// <summary>
    /// CRED_PERSIST_LOCAL_MACHINE: survives log-off and reboots but never roams with the profile,
    /// which is right for a cache of tokens issued to this machine's logins.
    /// </summary>
    internal const uint CredPersistLocalMachine = 2;

    private const string Library = "advapi32.dll";

    [LibraryImport(Library, EntryPoint = "CredReadW", SetLastError = true,
        StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool CredRead(string targetName, uint type, uint flags, out nint credential);

    [LibraryImport(Library, EntryPoint = "CredWriteW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool CredWrite(in NativeCredential credential, uint flags);

    [LibraryImport(Library, EntryPoint = "CredDeleteW", SetLastError = true,
        StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool CredDelete(string targetName, uint type, uint flags);

    [LibraryImport(Library, EntryPoint = "CredEnumerateW", SetLastError = true,
        StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool CredEnumerate(string? filter, uint flags, out uint count, out nint credentials);

    [LibraryImport(Library, EntryPoint = "CredFree")]
    internal static partial void CredFree(nint buffer);
}
