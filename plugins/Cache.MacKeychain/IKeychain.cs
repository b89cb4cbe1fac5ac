namespace KubeKey.Cache.MacKeychain;

/// <summary>
/// The few Keychain Services operations kubekey needs, on generic password items identified by
/// service and account, reporting OSStatus codes as values. Kept this thin so every decision
/// above it can be tested without macOS.
/// </summary>
internal interface IKeychain
{
    /// <summary>Reads the secret of one item.</summary>
    /// <returns>The secret, or <see cref="KeychainStatus.ItemNotFound"/>.</returns>
    KeychainResult<byte[]> Find(string service, string account);

    /// <summary>Creates an item.</summary>
    /// <returns>0, <see cref="KeychainStatus.DuplicateItem"/> when it exists, or another OSStatus.</returns>
    int Add(string service, string account, string label, byte[] secret);

    /// <summary>Replaces the secret and label of an existing item in one step.</summary>
    /// <returns>0, <see cref="KeychainStatus.ItemNotFound"/>, or another OSStatus.</returns>
    int Update(string service, string account, string label, byte[] secret);

    /// <summary>Deletes an item.</summary>
    /// <returns>0, <see cref="KeychainStatus.ItemNotFound"/>, or another OSStatus.</returns>
    int Delete(string service, string account);

    /// <summary>Lists the accounts of every item of <paramref name="service"/>.</summary>
    /// <returns>The accounts, or <see cref="KeychainStatus.ItemNotFound"/> when there are none.</returns>
    KeychainResult<IReadOnlyList<string>> ListAccounts(string service);
}
