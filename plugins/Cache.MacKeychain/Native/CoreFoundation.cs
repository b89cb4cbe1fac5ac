using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace KubeKey.Cache.MacKeychain.Native;

/// <summary>
/// The CoreFoundation calls needed to build keychain queries (CFString, CFData, CFDictionary),
/// read their answers (CFArray, CFDictionary) and release them.
/// </summary>
/// <remarks>CFIndex is a signed pointer-sized integer, CFTypeID an unsigned one.</remarks>
[SupportedOSPlatform("macos")]
internal static partial class CoreFoundation
{
    public const string Library = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation";

    [LibraryImport(Library)]
    internal static partial void CFRelease(nint cf);

    [LibraryImport(Library)]
    internal static partial nuint CFGetTypeID(nint cf);

    [LibraryImport(Library)]
    internal static partial nuint CFStringGetTypeID();

    [LibraryImport(Library)]
    internal static partial nuint CFArrayGetTypeID();

    [LibraryImport(Library)]
    internal static partial nuint CFDictionaryGetTypeID();

    [LibraryImport(Library)]
    internal static partial nuint CFDataGetTypeID();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial nint CFStringCreateWithCharacters(nint allocator, string chars, nint numChars);

    [LibraryImport(Library)]
    internal static partial nint CFStringGetLength(nint theString);

    [LibraryImport(Library)]
    internal static unsafe partial void CFStringGetCharacters(nint theString, CFRange range, char* buffer);

    [LibraryImport(Library)]
    internal static unsafe partial nint CFDataCreate(nint allocator, byte* bytes, nint length);

    [LibraryImport(Library)]
    internal static partial nint CFDataGetLength(nint theData);

    [LibraryImport(Library)]
    internal static partial nint CFDataGetBytePtr(nint theData);

    [LibraryImport(Library)]
    internal static unsafe partial nint CFDictionaryCreate(
        nint allocator,
        nint* keys,
        nint* values,
        nint numValues,
        nint keyCallBacks,
        nint valueCallBacks);

    [LibraryImport(Library)]
    internal static partial nint CFDictionaryGetValue(nint theDict, nint key);

    [LibraryImport(Library)]
    internal static partial nint CFArrayGetCount(nint theArray);

    [LibraryImport(Library)]
    internal static partial nint CFArrayGetValueAtIndex(nint theArray, nint idx);

    /// <summary>Copies a CFString (not owned by the caller's scope) into a managed string.</summary>
    internal static unsafe string ToManagedString(nint theString)
    {
        var length = CFStringGetLength(theString);
        var text = new char[checked((int)length)];
        fixed (char* buffer = text)
        {
            CFStringGetCharacters(theString, new CFRange(0, length), buffer);
        }

        return new string(text);
    }

    /// <summary>Copies the bytes of a CFData into a managed array.</summary>
    internal static byte[] ToManagedBytes(nint theData)
    {
        var bytes = new byte[checked((int)CFDataGetLength(theData))];
        if (bytes.Length > 0)
        {
            Marshal.Copy(CFDataGetBytePtr(theData), bytes, 0, bytes.Length);
        }

        return bytes;
    }

    /// <summary>Whether <paramref name="cf"/> is non-null and of the type <paramref name="typeId"/>.</summary>
    internal static bool Is(nint cf, nuint typeId) => cf != 0 && CFGetTypeID(cf) == typeId;
}
