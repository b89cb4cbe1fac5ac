using System.Runtime.InteropServices;

namespace KubeKey.Cache.MacKeychain.Native;

/// <summary>CoreFoundation's CFRange: a start and a length, both CFIndex.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct CFRange
{
    public CFRange(nint location, nint length)
    {
        Location = location;
        Length = length;
    }

    public nint Location { get; }

    public nint Length { get; }
}
