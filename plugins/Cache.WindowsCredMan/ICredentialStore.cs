namespace KubeKey.Cache.WindowsCredMan;

/// <summary>
/// The few Credential Manager operations kubekey needs, on generic credentials, reporting Win32
/// errors as values. Kept this thin so every decision above it can be tested without Windows.
/// </summary>
internal interface ICredentialStore
{
    /// <summary>Reads the blob of the generic credential <paramref name="target"/>.</summary>
    /// <returns>The blob, or <see cref="Win32Error.NotFound"/> when there is no such credential.</returns>
    CredentialResult<byte[]> Read(string target);

    /// <summary>Creates or replaces the generic credential <paramref name="target"/> in one step.</summary>
    /// <param name="target">The target name.</param>
    /// <param name="comment">Shown in the Credential Manager window; not secret.</param>
    /// <param name="blob">At most <see cref="ChunkedCredentials.MaxBlobSize"/> bytes.</param>
    /// <returns>0, or the Win32 error.</returns>
    int Write(string target, string comment, byte[] blob);

    /// <summary>Deletes the generic credential <paramref name="target"/>.</summary>
    /// <returns>0, <see cref="Win32Error.NotFound"/>, or another Win32 error.</returns>
    int Delete(string target);

    /// <summary>Lists the target names of credentials matching <paramref name="filter"/> ("prefix*").</summary>
    /// <returns>The names; <see cref="Win32Error.NotFound"/> when none match.</returns>
    CredentialResult<IReadOnlyList<string>> Enumerate(string filter);
}
