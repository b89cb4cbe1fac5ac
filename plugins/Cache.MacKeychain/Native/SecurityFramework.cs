using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace KubeKey.Cache.MacKeychain.Native;

/// <summary>The Keychain Services item functions of Security.framework. Each returns an OSStatus.</summary>
[SupportedOSPlatform("macos")]
internal static partial class SecurityFramework
{
    public const string Library = "/System/Library/Frameworks/Security.framework/Security";

    /// <param name="result">A +1 reference the caller releases, set only on success.</param>
    [LibraryImport(Library)]
    internal static partial int SecItemCopyMatching(nint query, out nint result);

    /// <param name="result">Pass 0: kubekey never asks for the added item back.</param>
    [LibraryImport(Library)]
    internal static partial int SecItemAdd(nint attributes, nint result);

    [LibraryImport(Library)]
    internal static partial int SecItemUpdate(nint query, nint attributesToUpdate);

    [LibraryImport(Library)]
    internal static partial int SecItemDelete(nint query);
}
