using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace KubeKey.Cache.MacKeychain.Native;

/// <summary>
/// The CFString keys and values of keychain queries. Security.framework exports them as global
/// variables rather than functions, which LibraryImport cannot bind, so they are read once from
/// the exported symbols' addresses.
/// </summary>
[SupportedOSPlatform("macos")]
internal sealed class SecurityConstants
{
    public SecurityConstants()
    {
        var security = NativeLibrary.Load(SecurityFramework.Library);
        var coreFoundation = NativeLibrary.Load(CoreFoundation.Library);
        Class = Read(security, "kSecClass");
        ClassGenericPassword = Read(security, "kSecClassGenericPassword");
        AttrService = Read(security, "kSecAttrService");
        AttrAccount = Read(security, "kSecAttrAccount");
        AttrLabel = Read(security, "kSecAttrLabel");
        ValueData = Read(security, "kSecValueData");
        ReturnData = Read(security, "kSecReturnData");
        ReturnAttributes = Read(security, "kSecReturnAttributes");
        MatchLimit = Read(security, "kSecMatchLimit");
        MatchLimitOne = Read(security, "kSecMatchLimitOne");
        MatchLimitAll = Read(security, "kSecMatchLimitAll");
        UseAuthenticationUI = Read(security, "kSecUseAuthenticationUI");
        UseAuthenticationUIFail = Read(security, "kSecUseAuthenticationUIFail");
        BooleanTrue = Read(coreFoundation, "kCFBooleanTrue");

        // These two are structs: CFDictionaryCreate wants their addresses, not their contents.
        TypeDictionaryKeyCallBacks = NativeLibrary.GetExport(coreFoundation, "kCFTypeDictionaryKeyCallBacks");
        TypeDictionaryValueCallBacks = NativeLibrary.GetExport(coreFoundation, "kCFTypeDictionaryValueCallBacks");
    }

    public nint Class { get; }

    public nint ClassGenericPassword { get; }

    public nint AttrService { get; }

    public nint AttrAccount { get; }

    public nint AttrLabel { get; }

    public nint ValueData { get; }

    public nint ReturnData { get; }

    public nint ReturnAttributes { get; }

    public nint MatchLimit { get; }

    public nint MatchLimitOne { get; }

    public nint MatchLimitAll { get; }

    public nint UseAuthenticationUI { get; }

    public nint UseAuthenticationUIFail { get; }

    public nint BooleanTrue { get; }

    public nint TypeDictionaryKeyCallBacks { get; }

    public nint TypeDictionaryValueCallBacks { get; }

    private static nint Read(nint library, string symbol) =>
        Marshal.ReadIntPtr(NativeLibrary.GetExport(library, symbol));
}
