namespace KubeKey.Abstractions;

/// <summary>
/// Optional, for keyring backends: reads an item the original Go kubekey left in the same
/// keyring, so a person who upgrades keeps a still-valid login. kubekey checks whether the
/// <see cref="ITokenCache"/> a plugin provides also implements this interface.
/// </summary>
/// <remarks>
/// The Go kubekey stored its items with the go-keyring conventions of each OS: a service name
/// and an account (user name) identify the item; the secret is a UTF-8 string.
/// </remarks>
public interface ILegacyKeyringReader
{
    /// <summary>Reads the secret of the item stored under <paramref name="service"/> and <paramref name="account"/>.</summary>
    /// <returns>The secret, or <see langword="null"/> when there is no such item.</returns>
    /// <exception cref="TokenCacheException">The keyring cannot be reached.</exception>
    ValueTask<string?> ReadLegacySecretAsync(string service, string account, CancellationToken cancellationToken);
}
