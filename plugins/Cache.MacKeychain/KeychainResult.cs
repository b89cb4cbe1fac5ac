namespace KubeKey.Cache.MacKeychain;

/// <summary>What one keychain call returned: an OSStatus and, on success, a value.</summary>
/// <param name="Status">0 on success, else the OSStatus (see <see cref="KeychainStatus"/>).</param>
/// <param name="Value">The value read; <see langword="null"/> unless <paramref name="Status"/> is 0.</param>
internal readonly record struct KeychainResult<T>(int Status, T? Value)
{
    public static KeychainResult<T> Ok(T value) => new(KeychainStatus.Success, value);

    public static KeychainResult<T> Failed(int status) => new(status, default);
}
