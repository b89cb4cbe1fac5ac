using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using KubeKey.Cache.WindowsCredMan.Native;

namespace KubeKey.Cache.WindowsCredMan;

/// <summary>
/// <see cref="ICredentialStore"/> on the real Windows Credential Manager. Copies every blob out
/// of the buffers advapi32 allocates and frees them in <c>finally</c>.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class Advapi32CredentialStore : ICredentialStore
{
    // Non-secret; it only tells a person browsing Credential Manager who wrote the entry.
    private const string UserName = "kubekey";

    public unsafe CredentialResult<byte[]> Read(string target)
    {
        if (!Advapi32.CredRead(target, Advapi32.CredTypeGeneric, 0, out var pointer))
        {
            return CredentialResult<byte[]>.Failed(Marshal.GetLastPInvokeError());
        }

        try
        {
            var credential = (NativeCredential*)pointer;
            var blob = new byte[credential->CredentialBlobSize];
            if (blob.Length > 0)
            {
                Marshal.Copy(credential->CredentialBlob, blob, 0, blob.Length);
            }

            return CredentialResult<byte[]>.Ok(blob);
        }
        finally
        {
            Advapi32.CredFree(pointer);
        }
    }

    public unsafe int Write(string target, string comment, byte[] blob)
    {
        fixed (char* targetName = target)
        fixed (char* commentText = comment)
        fixed (char* userName = UserName)
        fixed (byte* data = blob)
        {
            var credential = new NativeCredential
            {
                Type = Advapi32.CredTypeGeneric,
                TargetName = (nint)targetName,
                Comment = (nint)commentText,
                CredentialBlobSize = (uint)blob.Length,
                CredentialBlob = (nint)data,
                Persist = Advapi32.CredPersistLocalMachine,
                UserName = (nint)userName,
            };
            return Advapi32.CredWrite(in credential, 0) ? Win32Error.Success : Marshal.GetLastPInvokeError();
        }
    }

    public int Delete(string target) =>
        Advapi32.CredDelete(target, Advapi32.CredTypeGeneric, 0)
            ? Win32Error.Success
            : Marshal.GetLastPInvokeError();

    public unsafe CredentialResult<IReadOnlyList<string>> Enumerate(string filter)
    {
        if (!Advapi32.CredEnumerate(filter, 0, out var count, out var list))
        {
            return CredentialResult<IReadOnlyList<string>>.Failed(Marshal.GetLastPInvokeError());
        }

        try
        {
            var targets = new List<string>((int)count);
            var credentials = (NativeCredential**)list;
            for (var i = 0; i < count; i++)
            {
                var credential = credentials[i];
                if (credential->Type == Advapi32.CredTypeGeneric
                    && Marshal.PtrToStringUni(credential->TargetName) is { } name)
                {
                    targets.Add(name);
                }
            }

            return CredentialResult<IReadOnlyList<string>>.Ok(targets);
        }
        finally
        {
            Advapi32.CredFree(list);
        }
    }
}
