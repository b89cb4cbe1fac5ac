using System.Runtime.Versioning;

namespace KubeKey.Cache.MacKeychain.Native;

/// <summary>
/// Owns the CoreFoundation objects one keychain call creates or receives and releases them all
/// on <see cref="Dispose"/>, so a <c>using</c> releases them on every path.
/// </summary>
[SupportedOSPlatform("macos")]
internal sealed class CFScope : IDisposable
{
    private readonly List<nint> _owned = [];

    /// <summary>Takes ownership of a +1 reference (from a Create or Copy function).</summary>
    /// <exception cref="KubeKey.Abstractions.TokenCacheException">The reference is null: memory ran out.</exception>
    public nint Own(nint reference)
    {
        if (reference == 0)
        {
            throw KeychainErrors.OutOfMemory();
        }

        _owned.Add(reference);
        return reference;
    }

    public nint String(string value) =>
        Own(CoreFoundation.CFStringCreateWithCharacters(0, value, value.Length));

    public unsafe nint Data(byte[] bytes)
    {
        fixed (byte* data = bytes)
        {
            return Own(CoreFoundation.CFDataCreate(0, data, bytes.Length));
        }
    }

    /// <summary>An immutable CFDictionary whose keys and values are retained CF objects.</summary>
    public unsafe nint Dictionary(SecurityConstants constants, IReadOnlyList<(nint Key, nint Value)> pairs)
    {
        var keys = new nint[pairs.Count];
        var values = new nint[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            (keys[i], values[i]) = pairs[i];
        }

        fixed (nint* keyPointers = keys)
        fixed (nint* valuePointers = values)
        {
            return Own(CoreFoundation.CFDictionaryCreate(
                0,
                keyPointers,
                valuePointers,
                pairs.Count,
                constants.TypeDictionaryKeyCallBacks,
                constants.TypeDictionaryValueCallBacks));
        }
    }

    public void Dispose()
    {
        foreach (var reference in _owned)
        {
            CoreFoundation.CFRelease(reference);
        }

        _owned.Clear();
    }
}
