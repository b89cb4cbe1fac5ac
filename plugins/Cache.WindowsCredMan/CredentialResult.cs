namespace KubeKey.Cache.WindowsCredMan;

/// <summary>What one Credential Manager call returned: a Win32 error code and, on success, a value.</summary>
/// <param name="Error">0 on success, else the Win32 error (see <see cref="Win32Error"/>).</param>
/// <param name="Value">The value read; <see langword="null"/> or empty when <paramref name="Error"/> is not 0.</param>
internal readonly record struct CredentialResult<T>(int Error, T? Value)
{
    public bool Succeeded => Error == Win32Error.Success;

    public static CredentialResult<T> Ok(T value) => new(Win32Error.Success, value);

    public static CredentialResult<T> Failed(int error) => new(error, default);
}
