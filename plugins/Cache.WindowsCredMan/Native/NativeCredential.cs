using System.Runtime.InteropServices;

namespace KubeKey.Cache.WindowsCredMan.Native;

/// <summary>
/// CREDENTIALW as advapi32 lays it out. Strings and the blob are raw pointers so the struct
/// stays blittable; the caller pins or frees what they point at.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeCredential
{
    public uint Flags;
    public uint Type;
    public nint TargetName;
    public nint Comment;

    // FILETIME is two DWORDs (4-byte aligned), not one 8-byte integer.
    public uint LastWrittenLow;
    public uint LastWrittenHigh;
    public uint CredentialBlobSize;
    public nint CredentialBlob;
    public uint Persist;
    public uint AttributeCount;
    public nint Attributes;
    public nint TargetAlias;
    public nint UserName;
}
