using System.Runtime.InteropServices;
using KubeKey.Cache.WindowsCredMan.Native;

namespace KubeKey.Cache.WindowsCredMan.Tests;

/// <summary>
/// Checks the struct against CREDENTIALW's layout on 64-bit Windows (wincred.h), which a wrong
/// field type would silently break. It needs no Windows, only a 64-bit process, as every runtime
/// kubekey ships for is.
/// </summary>
public sealed class NativeCredentialTests
{
    [Theory]
    [InlineData(nameof(NativeCredential.TargetName), 8)]
    [InlineData(nameof(NativeCredential.LastWrittenLow), 24)]
    [InlineData(nameof(NativeCredential.CredentialBlobSize), 32)]
    [InlineData(nameof(NativeCredential.CredentialBlob), 40)]
    [InlineData(nameof(NativeCredential.Persist), 48)]
    [InlineData(nameof(NativeCredential.Attributes), 56)]
    [InlineData(nameof(NativeCredential.UserName), 72)]
    public void Layout_Field_MatchesCredentialWOffset(string field, int offset)
    {
        var actual = Marshal.OffsetOf<NativeCredential>(field);

        Assert.Equal(offset, (int)actual);
        Assert.Equal(80, Marshal.SizeOf<NativeCredential>());
    }
}
